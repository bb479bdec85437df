"""What a journal must hold after a writer was killed: replaying the writes it acknowledged.

Every acknowledged write is applied to the expected state. The one write that was under way
when the kill came (announced, not yet acknowledged) may have committed or not, but only whole:
the journal must match the state without it or the state with all of it. A write made under an
injected fault must have failed with the fault's own message, and changed nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from hairjournal.store import models, records
from hairjournal.store.records import Failure
from tests.reliability.journal_state import State, differences, key_column

FAULT_FAILURES = {
    "io_error": Failure.IO_ERROR,
    "disk_full": Failure.DISK_FULL,
    "locked": Failure.LOCKED,
}


@dataclass
class Write:
    """One announced write: its intent line, and the acknowledgements that followed it."""

    intent: dict[str, Any]
    acks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        if self.intent["op"] == "photos":
            return any(ack.get("done") for ack in self.acks)
        return bool(self.acks)

    @property
    def failed(self) -> str | None:
        return next((ack["failed"] for ack in self.acks if "failed" in ack), None)


@dataclass
class Tally:
    """What the replays of all rounds have counted."""

    acknowledged: int = 0  # writes committed and acknowledged (each photo counts as one)
    faults: int = 0  # writes made under an injected fault
    faults_reported: int = 0  # ... that failed with the right message and wrote nothing
    refused: int = 0  # writes the journal's rules refused (a day counted twice, say)
    in_flight_committed: int = 0
    in_flight_rolled_back: int = 0


def _children(table: str, key: int, state: State) -> list[tuple[str, int]]:
    """The rows ON DELETE CASCADE removes with this one, as ``records.remove`` finds them."""
    model = next(m for m in models.MODELS if m._meta.table_name == table)
    found: list[tuple[str, int]] = []
    for foreign_key in model._meta.backrefs:
        child = foreign_key.model._meta.table_name
        for child_key, row in state.get(child, {}).items():
            if row.get(foreign_key.column_name) == key:
                found.append((child, child_key))
                found += _children(child, child_key, state)
    return found


class Replay:
    """The expected state, brought forward one acknowledged write at a time."""

    def __init__(self, state: State, tally: Tally) -> None:
        self.state = copy.deepcopy(state)
        self.tally = tally
        self.problems: list[str] = []
        self.removed: dict[int, dict[tuple[str, int], dict[str, Any]]] = {}

    def apply(self, write: Write, state: State | None = None) -> None:
        """Apply a finished ``write`` to ``state`` (the replay's own by default)."""
        state = self.state if state is None else state
        intent = write.intent
        if intent.get("fault"):
            self._check_fault(write)
            return
        if write.failed is not None:
            if write.failed != Failure.REFUSED.value:
                self.problems.append(f"write {intent['intent']} failed with no fault: {write.acks}")
            self.tally.refused += state is self.state
            return
        getattr(self, f"_{intent['op']}")(write, state)

    def _check_fault(self, write: Write) -> None:
        intent = write.intent
        failure = FAULT_FAILURES[intent["fault"]]
        message = records.MESSAGES[failure]
        self.tally.faults += 1
        if intent["op"] == "photos":
            done = next((ack for ack in write.acks if ack.get("done")), {"refused": []})
            stored = [ack for ack in write.acks if "photo" in ack]
            reasons = [reason for _name, reason in done["refused"]]
            right = not stored and len(reasons) == len(intent["photos"])
            right = right and all(reason.endswith(message) for reason in reasons)
        else:
            right = write.failed == failure.value and write.acks[0]["message"] == message
        if right:
            self.tally.faults_reported += 1
        else:
            self.problems.append(f"{intent['fault']} was not reported as such: {write.acks}")

    def _add(self, write: Write, state: State) -> None:
        for ack in write.acks:
            self._put(state, write.intent["table"], ack["id"], write.intent["values"])

    def _add_many(self, write: Write, state: State) -> None:
        for key, row in zip(write.acks[0]["ids"], write.intent["rows"], strict=True):
            self._put(state, "shed_count", key, row)

    def _put(self, state: State, table: str, key: int, values: dict[str, Any]) -> None:
        if key in state.setdefault(table, {}):
            self.problems.append(f"{table} {key} was written over by a new record")
        state[table][key] = {key_column(table): key, **values}
        self.tally.acknowledged += state is self.state

    def _change(self, write: Write, state: State) -> None:
        table, key = write.intent["table"], write.intent["id"]
        if key not in state.get(table, {}):
            self.problems.append(f"{table} {key} was changed but is not in the journal")
            return
        state[table][key].update(write.intent["values"])
        self.tally.acknowledged += state is self.state

    def _remove(self, write: Write, state: State) -> None:
        table, key = write.intent["table"], write.intent["id"]
        rows = [(table, key), *_children(table, key, state)]
        said = write.acks[0].get("removed") if write.acks else None
        if said is not None and {(name, number) for name, number in said} != set(rows):
            self.problems.append(f"removing {table} {key} took {said}, expected {set(rows)}")
        self.removed[write.intent["intent"]] = {
            (name, number): state[name].pop(number)
            for name, number in rows
            if number in state[name]
        }
        self.tally.acknowledged += state is self.state

    def _restore(self, write: Write, state: State) -> None:
        for (table, key), row in self.removed.get(write.intent["of"], {}).items():
            state.setdefault(table, {})[key] = copy.deepcopy(row)
        self.tally.acknowledged += state is self.state

    def _photos(self, write: Write, state: State) -> None:
        wanted = {photo["sha256"]: photo for photo in write.intent["photos"]}
        for ack in write.acks:
            if "photo" in ack:
                key = ack["id"]
                self._put(state, "photo", key, wanted[ack["photo"]])
                state.setdefault("photo_original", {})[key] = {
                    "photo_id": key,
                    "data": f"sha256:{ack['photo']}",
                }
        done = next((ack for ack in write.acks if ack.get("done")), None)
        if done is not None:
            imported = {ack["photo"] for ack in write.acks if "photo" in ack}
            refused = {name for name, _reason in done["refused"]}
            for photo in write.intent["photos"]:
                if photo["sha256"] not in imported and photo["original_name"] not in refused:
                    self.problems.append(f"{photo['original_name']} was neither stored nor refused")
            if any(not reason for _name, reason in done["refused"]):
                self.problems.append(f"a photo was refused with no reason: {done['refused']}")

    def settle(self, in_flight: Write | None, actual: State) -> list[str]:
        """Compare with the journal, allowing the write under way to be there whole or not at
        all; the differences found (none if it matches)."""
        options = [self.state]
        if in_flight is not None and not in_flight.intent.get("fault"):
            options.append(self._with(in_flight, actual))
        found = [differences(option, actual) for option in options]
        best = min(range(len(options)), key=lambda index: len(found[index]))
        if in_flight is not None and not found[best]:
            if best == 0 and options[0] != options[-1]:
                self.tally.in_flight_rolled_back += 1
            elif best == 1:
                self.tally.in_flight_committed += 1
        return found[best]

    def _with(self, write: Write, actual: State) -> State:
        """The expected state had the write under way committed."""
        state = copy.deepcopy(self.state)
        intent = write.intent
        op = intent["op"]
        table = intent["table"]
        new = sorted(set(actual.get(table, {})) - set(state.get(table, {})))
        # A row not found gets a key no row has, so that it shows as missing.
        if op == "add":
            key = new[0] if len(new) == 1 else -1
            state.setdefault(table, {})[key] = {key_column(table): key, **intent["values"]}
        elif op == "add_many":
            found = {
                (actual[table][key]["date"], actual[table][key]["protocol"]): key for key in new
            }
            for number, row in enumerate(intent["rows"], start=1):
                key = found.get((row["date"], row["protocol"]), -number)
                state.setdefault(table, {})[key] = {"id": key, **row}
        elif op == "photos":
            wanted = {photo["sha256"]: photo for photo in intent["photos"]}
            for key in new:
                sha256 = actual[table][key]["sha256"]
                if sha256 in wanted:
                    state[table][key] = {"id": key, **wanted[sha256]}
                    state.setdefault("photo_original", {})[key] = {
                        "photo_id": key,
                        "data": f"sha256:{sha256}",
                    }
        elif op in ("change", "remove", "restore"):
            self.apply(Write(intent), state)
        return state
