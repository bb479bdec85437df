"""File > Encrypt Journal…, Change Passphrase…, Decrypt Journal…, and opening with a passphrase."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from hairjournal.services.backup_files import backup_files
from hairjournal.services.encryption_job import Change
from hairjournal.store import connection
from hairjournal.store.journal import SQLITE_MAGIC, backups_folder
from hairjournal.ui.encryption_dialog import HINT, UNAVAILABLE, EncryptionDialog
from hairjournal.ui.main_window import MainWindow
from hairjournal.ui.settings import Settings
from tests.backup_journals import holdings
from tests.encrypted_journals import (
    OTHER_PASSPHRASE,
    PASSPHRASE,
    encrypted_holdings,
    forget_passphrases,  # noqa: F401 - an autouse fixture
    opens_with,
)
from tests.ui import sample_journal as sample
from tests.ui.fake_prompts import FakePrompts


def open_dialog(qtbot: QtBot, window: MainWindow, change: Change) -> EncryptionDialog:
    action = {
        Change.ENCRYPT: window.encryption.encrypt_action,
        Change.CHANGE_PASSPHRASE: window.encryption.change_action,
        Change.DECRYPT: window.encryption.decrypt_action,
    }[change]
    assert action.isEnabled()
    action.trigger()
    dialog = window.encryption.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def encrypt_in_window(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    dialog = open_dialog(qtbot, window, Change.ENCRYPT)
    type_into(qtbot, dialog.new, passphrase)
    type_into(qtbot, dialog.again, passphrase)
    with qtbot.waitSignal(window.encryption.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def test_encrypting_warns_first_backs_up_and_reopens_the_journal_encrypted(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    before = holdings(sample_path)
    dialog = open_dialog(qtbot, window, Change.ENCRYPT)

    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    warning = next(text for text in texts if "cannot be opened by anyone, ever" in text)
    first_field = dialog.layout().indexOf(dialog.findChild(QLabel, "encryption_explanation"))
    assert first_field == 1  # under the title, above every field
    assert "There is no way to recover it." in warning
    assert dialog.new.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.back_up_first.isChecked()
    type_into(qtbot, dialog.new, "short")
    assert not dialog.confirm_button.isEnabled()
    assert dialog.hint.text().startswith("Use at least 8 characters")
    type_into(qtbot, dialog.new, PASSPHRASE)
    type_into(qtbot, dialog.again, PASSPHRASE + "!")
    assert dialog.hint.text() == "The two passphrases are not the same."
    assert not dialog.confirm_button.isEnabled()
    type_into(qtbot, dialog.again, PASSPHRASE)
    assert dialog.hint.text() == HINT
    with qtbot.waitSignal(window.encryption.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    assert window.journal is not None
    assert window.journal.path == sample_path
    assert window.journal.encrypted
    assert window.statusBar().currentMessage() == "sample.hairjournal is encrypted."
    data = sample_path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    assert sample.TITLE.encode() not in data
    assert sample.EXOSOME_PRODUCT.encode() not in data
    assert encrypted_holdings(sample_path, PASSPHRASE) == before
    [first] = backup_files(backups_folder(sample_path), sample_path.stem)
    assert first.path.read_bytes().startswith(SQLITE_MAGIC)  # the backup taken first, as said
    assert not window.encryption.encrypt_action.isEnabled()
    assert window.encryption.change_action.isEnabled()
    assert window.encryption.decrypt_action.isEnabled()
    assert not fake_prompts.errors


def test_an_encrypted_journal_asks_for_its_passphrase_again_until_it_is_right(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    encrypt_in_window(qtbot, window)
    window.close_journal()
    connection.forget_all_passphrases()  # as when the app starts again
    fake_prompts.passphrases += ["correct horse battery", PASSPHRASE]

    assert window.open_path(sample_path)

    assert fake_prompts.passphrase_asks == [
        ("sample.hairjournal", False),
        ("sample.hairjournal", True),  # said the last one did not open it
    ]
    assert window.journal is not None
    assert window.journal.encrypted
    assert window.windowTitle() == f"Hair Journal — {sample.TITLE} (sample.hairjournal)"


def test_cancelling_the_passphrase_leaves_everything_as_it_was(
    qtbot: QtBot,
    other_path: Path,
    window: MainWindow,
    sample_path: Path,
    fake_prompts: FakePrompts,
) -> None:
    encrypt_in_window(qtbot, window)
    assert window.open_path(other_path)
    connection.forget_all_passphrases()
    fake_prompts.passphrases.append(None)
    before = sample_path.read_bytes()

    assert not window.open_path(sample_path)

    assert window.journal is not None
    assert window.journal.path == other_path  # still open, as before
    assert sample_path.read_bytes() == before
    assert not fake_prompts.errors
    assert not fake_prompts.refusals


def test_the_passphrase_is_changed_only_after_the_current_one_is_given(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    encrypt_in_window(qtbot, window)
    dialog = open_dialog(qtbot, window, Change.CHANGE_PASSPHRASE)
    type_into(qtbot, dialog.new, OTHER_PASSPHRASE)
    type_into(qtbot, dialog.again, OTHER_PASSPHRASE)
    assert not dialog.confirm_button.isEnabled()  # the current one is still to come
    type_into(qtbot, dialog.current, "not the passphrase")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "The current passphrase is not right."
    assert dialog.isVisible()

    type_into(qtbot, dialog.current, PASSPHRASE)
    with qtbot.waitSignal(window.encryption.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    assert window.statusBar().currentMessage() == "sample.hairjournal has its new passphrase."
    assert opens_with(sample_path, OTHER_PASSPHRASE)
    assert not opens_with(sample_path, PASSPHRASE)
    assert window.journal is not None
    assert window.journal.encrypted


def test_decrypting_says_the_data_will_be_unencrypted_and_gives_back_a_plain_journal(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    before = holdings(sample_path)
    encrypt_in_window(qtbot, window)
    dialog = open_dialog(qtbot, window, Change.DECRYPT)
    explanation = dialog.findChild(QLabel, "encryption_explanation").text()
    assert "Decrypting stores your health data unencrypted." in explanation
    type_into(qtbot, dialog.current, PASSPHRASE)

    with qtbot.waitSignal(window.encryption.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    assert sample_path.read_bytes().startswith(SQLITE_MAGIC)
    assert holdings(sample_path) == before
    assert window.journal is not None
    assert not window.journal.encrypted
    assert window.encryption.encrypt_action.isEnabled()
    assert not window.encryption.decrypt_action.isEnabled()


def test_the_passphrase_is_written_to_no_file(
    qtbot: QtBot,
    sample_path: Path,
    private_home: Path,
    tmp_path: Path,
    fake_prompts: FakePrompts,
) -> None:
    main = MainWindow(Settings())
    qtbot.addWidget(main)
    main.show()
    assert main.open_path(sample_path)
    encrypt_in_window(qtbot, main)
    main.close()  # settings, recent journals, the backup on close
    connection.forget_all_passphrases()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    fake_prompts.passphrases.append(PASSPHRASE)
    assert again.open_path(sample_path)
    again.backups.back_up_now()
    qtbot.waitUntil(lambda: again.backups.job is None)
    again.close()

    written = [p for folder in (private_home, tmp_path) for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "settings.ini" for p in written)  # the settings were written
    newest = backup_files(backups_folder(sample_path), sample_path.stem)[0]
    assert not newest.path.read_bytes().startswith(SQLITE_MAGIC)  # Back Up Now's, encrypted
    for path in written:
        data = path.read_bytes()
        assert PASSPHRASE.encode() not in data, path
        assert PASSPHRASE.encode("utf-16-le") not in data, path


def test_without_sqlcipher_the_dialog_says_how_to_get_encryption(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if it were not installed
    dialog = open_dialog(qtbot, window, Change.ENCRYPT)

    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert UNAVAILABLE in texts
    assert not dialog.new.isVisible()
    assert not dialog.confirm_button.isVisible()
    dialog.reject()


def test_a_backup_opens_with_its_journals_passphrase_without_asking(
    qtbot: QtBot, window: MainWindow, sample_path: Path, fake_prompts: FakePrompts
) -> None:
    encrypt_in_window(qtbot, window)
    with qtbot.waitSignal(window.backups.backup_done) as done:
        window.backups.back_up_now()
    backup = done.args[0].path

    assert window.open_path(backup, read_only=True)

    assert not fake_prompts.passphrase_asks
    assert window.journal is not None
    assert window.journal.path == backup
    assert window.journal.encrypted
