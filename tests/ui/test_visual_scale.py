"""The 6-grade picker: its buttons, keys 1-6 and arrows, and the count field it stands in for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hairjournal.core.enums import ShedProtocol
from hairjournal.ui.visual_scale import CountOrGrade, VisualScale


@pytest.fixture
def scale(qtbot: QtBot) -> VisualScale:
    picker = VisualScale()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def test_six_large_buttons_say_what_each_grade_is(scale: VisualScale) -> None:
    texts = [button.text() for button in scale.buttons]
    assert texts[0] == "1\nsmallest\nnormal"
    assert texts[3] == "4\nlarger\nnormal"
    assert texts[5] == "6\nlargest\nexcessive"
    assert scale.buttons[2].accessibleName() == "Grade 3: a medium bundle (normal)"
    assert all(b.height() >= 3 * b.fontMetrics().lineSpacing() for b in scale.buttons)
    assert scale.value() is None


def test_clicking_a_button_picks_its_grade(qtbot: QtBot, scale: VisualScale) -> None:
    with qtbot.waitSignal(scale.changed):
        qtbot.mouseClick(scale.buttons[4], Qt.MouseButton.LeftButton)
    assert scale.value() == 5
    assert scale.accessibleDescription() == "Grade 5: a large bundle (excessive)"
    qtbot.mouseClick(scale.buttons[1], Qt.MouseButton.LeftButton)
    assert scale.value() == 2
    assert [b.isChecked() for b in scale.buttons] == [False, True, False, False, False, False]


@pytest.mark.parametrize(
    ("keys", "grade"),
    [
        ([Qt.Key.Key_3], 3),
        ([Qt.Key.Key_6, Qt.Key.Key_1], 1),
        ([Qt.Key.Key_Right], 1),  # from nothing, right starts at the smallest
        ([Qt.Key.Key_Left], 6),  # and left at the largest
        ([Qt.Key.Key_2, Qt.Key.Key_Right, Qt.Key.Key_Up], 4),
        ([Qt.Key.Key_2, Qt.Key.Key_Left, Qt.Key.Key_Down], 1),  # stops at the ends
        ([Qt.Key.Key_End, Qt.Key.Key_Right], 6),
        ([Qt.Key.Key_4, Qt.Key.Key_Home], 1),
        ([Qt.Key.Key_4, Qt.Key.Key_Delete], None),
        ([Qt.Key.Key_7, Qt.Key.Key_0], None),  # not grades
    ],
)
def test_the_keyboard_picks_grades(
    qtbot: QtBot, scale: VisualScale, keys: list[Qt.Key], grade: int | None
) -> None:
    for key in keys:
        qtbot.keyClick(scale, key)
    assert scale.value() == grade
    checked = [n + 1 for n, b in enumerate(scale.buttons) if b.isChecked()]
    assert checked == ([] if grade is None else [grade])


def test_the_picker_is_one_tab_stop(scale: VisualScale) -> None:
    assert scale.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in scale.buttons)


def test_a_grade_outside_the_scale_is_refused(scale: VisualScale) -> None:
    with pytest.raises(ValueError, match="1 to 6"):
        scale.set_value(7)
    assert scale.value() is None


def test_the_count_field_becomes_the_picker_for_the_visual_scale(qtbot: QtBot) -> None:
    field = CountOrGrade()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.count, "85")
    assert (field.value(), field.text()) == (85, "85")
    field.set_protocol(ShedProtocol.VISUAL_SCALE)
    assert field.scale.isVisible()
    assert not field.count.isVisible()
    assert field.focusProxy() is field.scale
    assert field.value() is None
    assert field.input_problem() is None
    field.set_value(2)
    assert field.text() == "2"
    field.set_protocol(ShedProtocol.SHOWER)
    assert field.value() == 85  # what was typed is kept while the picker was shown
    qtbot.keyClicks(field.count, "x")
    assert field.input_problem() == "“85x” is not a whole number."
