"""Undo and redo for every add, change and delete, for the whole session with a journal.

Each write happens before its command joins the stack, so a failure (disk full, locked, ...)
reaches the form that asked for it and nothing enters the history. Views listen to
``changed`` to refresh what they show. A journal opened read-only is refused every write here,
before SQLite is asked, with the message a read-only file gets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from hairjournal.store import models, records
from hairjournal.store.records import Failure, Removed, Values, WriteFailed

Model = type[models.BaseModel]
OPENED_READ_ONLY = "the journal is open read-only"


class _Command(QUndoCommand):
    """A write that has already happened; ``redo`` repeats it only after an undo."""

    def __init__(self, history: History, model: Model, text: str) -> None:
        super().__init__(text)
        self.history = history
        self.model = model
        self.done = True

    def redo(self) -> None:
        if self.done:
            return
        self.history.run(self, self.apply)
        self.done = True

    def undo(self) -> None:
        self.history.run(self, self.revert)
        self.done = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _Added(_Command):
    def __init__(self, history: History, model: Model, record_id: int, text: str) -> None:
        super().__init__(history, model, text)
        self.record_id = record_id
        self.removed: Removed | None = None

    def revert(self) -> None:
        self.removed = records.remove(self.model, self.record_id)

    def apply(self) -> None:
        assert self.removed is not None
        records.restore(self.removed)


class _Changed(_Command):
    def __init__(
        self,
        history: History,
        model: Model,
        record_id: int,
        before: Values,
        after: Values,
        text: str,
    ) -> None:
        super().__init__(history, model, text)
        self.record_id, self.before, self.after = record_id, before, after

    def revert(self) -> None:
        records.change(self.model, self.record_id, self.before)

    def apply(self) -> None:
        records.change(self.model, self.record_id, self.after)


class _Removed(_Command):
    def __init__(self, history: History, model: Model, removed: Removed, text: str) -> None:
        super().__init__(history, model, text)
        self.removed = removed
        self.record_id = removed.rows[0][1][model._meta.primary_key.name]

    def revert(self) -> None:
        records.restore(self.removed)

    def apply(self) -> None:
        self.removed = records.remove(self.model, self.record_id)


class History(QObject):
    """The journal's undo stack; every form and list writes through it."""

    changed = Signal(object)  # the model class whose records changed
    failed = Signal(str)  # an undo or redo could not be written; the message says why

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.read_only = False  # the journal is open read-only: every write is refused

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise WriteFailed(Failure.READ_ONLY, OPENED_READ_ONLY)

    def add(self, model: Model, values: Values, text: str) -> int:
        """Store a new record; raises ``WriteFailed`` (and records nothing) if it fails."""
        self._refuse_if_read_only()
        record_id = records.add(model, values)
        self._push(_Added(self, model, record_id, text))
        return record_id

    def change(self, model: Model, record_id: int, values: Values, text: str) -> None:
        self._refuse_if_read_only()
        before = records.change(model, record_id, values)
        after = {name: records.fetch(model, record_id)[name] for name in values}
        if before != after:
            self._push(_Changed(self, model, record_id, before, after, text))

    def remove(self, model: Model, record_id: int, text: str) -> None:
        self._refuse_if_read_only()
        removed = records.remove(model, record_id)
        self._push(_Removed(self, model, removed, text))

    def clear(self) -> None:
        """Forget the history, as when another journal is opened."""
        self.stack.clear()

    def _push(self, command: _Command) -> None:
        self.stack.push(command)  # redo() is skipped: the write already happened
        self.changed.emit(command.model)

    def run(self, command: _Command, write: Any) -> None:
        """Undo or redo ``command``; if the journal refuses, say so and drop the history."""
        try:
            self._refuse_if_read_only()
            write()
        except WriteFailed as failure:
            self.failed.emit(
                f"“{command.text()}” could not be undone or redone. {failure.message} "
                "The undo history has been cleared; the journal holds what you last saw saved."
            )
            QTimer.singleShot(0, self.stack.clear)  # not while the stack is mid-step
            return
        self.changed.emit(command.model)
