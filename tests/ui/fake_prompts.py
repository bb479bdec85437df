"""Stand-ins for ``hairjournal.ui.prompts``: answers are queued by the test, questions recorded.

A prompt with no queued answer fails the test, so no test ever sits behind a real modal dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hairjournal.ui import prompts


class FakePrompts:
    def __init__(self) -> None:
        self.open_paths: list[Path | None] = []
        self.save_paths: list[Path | None] = []
        self.after_refusal: list[prompts.AfterRefusal] = []
        self.errors: list[tuple[str, str]] = []  # (title, message)
        self.refusals: list[str] = []  # messages shown with the open / new / quit choice
        self.unexpected: list[str] = []  # details of uncaught errors
        self.suggested: list[Path] = []
        self.confirm_answers: list[bool] = []
        self.questions: list[str] = []  # what ``confirm`` asked
        self.folders: list[Path | None] = []  # answers to ``ask_folder``
        self.folder_titles: list[str] = []
        self.infos: list[tuple[str, str]] = []  # (title, message) of ``show_info``
        self.photo_paths: list[list[Path]] = []  # answers to ``ask_photo_paths``
        self.photo_folders: list[Path] = []  # the folders it was asked to start in

    def install(self, monkeypatch: pytest.MonkeyPatch) -> FakePrompts:
        for name in (
            "ask_open_path",
            "ask_save_path",
            "show_error",
            "ask_after_refusal",
            "show_unexpected_error",
            "confirm",
            "ask_folder",
            "show_info",
            "ask_photo_paths",
        ):
            monkeypatch.setattr(prompts, name, getattr(self, name))
        return self

    def ask_open_path(self, parent: object, folder: Path) -> Path | None:
        assert self.open_paths, "the app asked for a file to open, and the test had no answer"
        return self.open_paths.pop(0)

    def ask_save_path(self, parent: object, suggested: Path) -> Path | None:
        assert self.save_paths, "the app asked where to save, and the test had no answer"
        self.suggested.append(suggested)
        return self.save_paths.pop(0)

    def show_error(self, parent: object, title: str, message: str) -> None:
        self.errors.append((title, message))

    def ask_after_refusal(self, parent: object, message: str) -> prompts.AfterRefusal:
        self.refusals.append(message)
        assert self.after_refusal, f"the app offered choices after {message!r}; no answer queued"
        return self.after_refusal.pop(0)

    def show_unexpected_error(self, parent: object, details: str) -> None:
        self.unexpected.append(details)

    def confirm(self, parent: object, title: str, question: str, yes: str) -> bool:
        self.questions.append(question)
        assert self.confirm_answers, f"the app asked {question!r}, and the test had no answer"
        return self.confirm_answers.pop(0)

    def ask_photo_paths(self, parent: object, folder: Path) -> list[Path]:
        self.photo_folders.append(folder)
        assert self.photo_paths, "the app asked for photos to import, and the test had no answer"
        return self.photo_paths.pop(0)

    def ask_folder(self, parent: object, title: str, folder: Path) -> Path | None:
        self.folder_titles.append(title)
        assert self.folders, f"the app asked for a folder ({title!r}), and the test had no answer"
        return self.folders.pop(0)

    def show_info(self, parent: object, title: str, message: str) -> None:
        self.infos.append((title, message))
