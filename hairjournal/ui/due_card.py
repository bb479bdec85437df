"""The dashboard's "Due" card: today's counts, this week's photos, the next planned session."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel

from hairjournal.core.enums import ScalpRegion
from hairjournal.store.due import Due, PhotoWeek
from hairjournal.store.queries import Course
from hairjournal.ui.date_text import days_from_today, span_text, weekday_text
from hairjournal.ui.style import card, paragraph, quiet

DONE = "\N{CHECK MARK}"
OPEN = "\N{WHITE CIRCLE}"
REGION_WORDS = {
    ScalpRegion.VERTEX: "the crown (vertex)",
    ScalpRegion.MIDLINE_PART: "the midline part",
    ScalpRegion.FRONTAL: "the frontal hairline",
    ScalpRegion.TEMPORAL_LEFT: "the left temple",
    ScalpRegion.TEMPORAL_RIGHT: "the right temple",
    ScalpRegion.OCCIPITAL: "the back of the head",
    ScalpRegion.OTHER: "other views",
}


def regions_text(regions: tuple[ScalpRegion, ...]) -> str:
    """'the crown (vertex), the midline part and both temples'."""
    words = [REGION_WORDS[r] for r in regions]
    temples = {ScalpRegion.TEMPORAL_LEFT, ScalpRegion.TEMPORAL_RIGHT}
    if temples <= set(regions):
        words = [REGION_WORDS[r] for r in regions if r not in temples] + ["both temples"]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} and {words[-1]}"


def course_label(course: Course) -> str:
    return f"{course.kind.label} ({course.product})" if course.product else course.kind.label


def _line(text: str, name: str) -> QLabel:
    label = paragraph(text)
    label.setObjectName(name)
    return label


def photo_text(week: PhotoWeek) -> str:
    when = span_text(week.first, week.last)
    if not week.missing:
        return f"{DONE} Week {week.week} photos ({when}): all taken."
    return f"{OPEN} Week {week.week} photos ({when}): {regions_text(week.missing)}."


def due_card(due: Due) -> QFrame:
    frame, layout = card("Due")
    if due.counts:
        for count in due.counts:
            name = count.protocol.label
            if count.done:
                text = f"{DONE} {name} today: {count.value:,}"
            else:
                text = f"{OPEN} {name} today: not counted yet"
            layout.addWidget(_line(text, f"due_count_{count.protocol.value}"))
    else:
        layout.addWidget(_line(f"{OPEN} No shedding counts in the last week.", "due_counts"))

    course = due.photo_course
    if due.photos is not None:
        layout.addWidget(_line(photo_text(due.photos), "due_photos"))
    elif due.next_photos is not None:
        week = due.next_photos
        layout.addWidget(
            _line(
                f"Next photos: week {week.week}, from {weekday_text(week.first)} "
                f"({days_from_today(week.first, due.today)}).",
                "due_photos",
            )
        )
    if course is not None and (due.photos is not None or due.next_photos is not None):
        anchor = "first session" if course.from_first_session else "start of the course"
        layout.addWidget(
            quiet(
                paragraph(
                    f"Photo weeks 0, 4, 8, 12, 24 and 52 count from the {anchor} "
                    f"of {course.course.kind.label}."
                )
            )
        )

    planned = due.next_session
    if planned is not None:
        course_name = course_label(planned.course)
        when = days_from_today(planned.on, due.today)
        if planned.on < due.today:
            text = (
                f"{OPEN} Next session: {course_name} was planned for "
                f"{weekday_text(planned.on)} ({when})."
            )
        else:
            text = f"Next session: {course_name} on {weekday_text(planned.on)} ({when})."
        layout.addSpacing(4)
        layout.addWidget(_line(text, "nextSession"))
    layout.addStretch(1)
    return frame
