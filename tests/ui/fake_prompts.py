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
        self.restore_offers: list[str | None] = []  # the backup offered with each refusal
        self.unexpected: list[str] = []  # details of uncaught errors
        self.unexpected_logs: list[Path | None] = []  # the error log each one names
        self.suggested: list[Path] = []
        self.confirm_answers: list[bool] = []
        self.questions: list[str] = []  # what ``confirm`` asked
        self.folders: list[Path | None] = []  # answers to ``ask_folder``
        self.folder_titles: list[str] = []
        self.infos: list[tuple[str, str]] = []  # (title, message) of ``show_info``
        self.photo_paths: list[list[Path]] = []  # answers to ``ask_photo_paths``
        self.photo_folders: list[Path] = []  # the folders it was asked to start in
        self.csv_paths: list[list[Path]] = []  # answers to ``ask_csv_paths``
        self.export_paths: list[Path | None] = []  # answers to ``ask_export_path``
        self.export_asked: list[tuple[str, Path]] = []  # (title, suggested path) it was asked
        self.shown_folders: list[Path] = []  # what ``show_folder`` opened
        self.passphrases: list[str | None] = []  # answers to ``ask_passphrase`` (None: Cancel)
        self.passphrase_asks: list[tuple[str, bool]] = []  # (journal's name, said it was wrong)

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
            "ask_csv_paths",
            "ask_export_path",
            "show_folder",
            "ask_passphrase",
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

    def ask_after_refusal(
        self, parent: object, message: str, restore_offer: str | None = None
    ) -> prompts.AfterRefusal:
        self.refusals.append(message)
        self.restore_offers.append(restore_offer)
        assert self.after_refusal, f"the app offered choices after {message!r}; no answer queued"
        return self.after_refusal.pop(0)

    def show_unexpected_error(self, parent: object, details: str, log: Path | None = None) -> None:
        self.unexpected.append(details)
        self.unexpected_logs.append(log)

    def confirm(self, parent: object, title: str, question: str, yes: str) -> bool:
        self.questions.append(question)
        assert self.confirm_answers, f"the app asked {question!r}, and the test had no answer"
        return self.confirm_answers.pop(0)

    def ask_photo_paths(self, parent: object, folder: Path) -> list[Path]:
        self.photo_folders.append(folder)
        assert self.photo_paths, "the app asked for photos to import, and the test had no answer"
        return self.photo_paths.pop(0)

    def ask_csv_paths(self, parent: object, folder: Path) -> list[Path]:
        assert self.csv_paths, "the app asked for CSV files to import, and the test had no answer"
        return self.csv_paths.pop(0)

    def ask_folder(self, parent: object, title: str, folder: Path) -> Path | None:
        self.folder_titles.append(title)
        assert self.folders, f"the app asked for a folder ({title!r}), and the test had no answer"
        return self.folders.pop(0)

    def show_info(self, parent: object, title: str, message: str) -> None:
        self.infos.append((title, message))

    def ask_export_path(
        self, parent: object, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self.export_asked.append((title, suggested))
        assert self.export_paths, f"the app asked where to save ({title!r}); no answer queued"
        return self.export_paths.pop(0)

    def show_folder(self, folder: Path) -> None:
        self.shown_folders.append(folder)

    def ask_passphrase(self, parent: object, journal_name: str, wrong: bool = False) -> str | None:
        self.passphrase_asks.append((journal_name, wrong))
        assert self.passphrases, f"the app asked for {journal_name}'s passphrase; no answer queued"
        return self.passphrases.pop(0)
