"""The dashboard: where the course stands, recent shedding, and what the journal holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hairjournal.store import queries
from hairjournal.ui import disclaimer
from hairjournal.ui.date_text import (
    DASH,
    WEEKDAYS,
    day_text,
    days_from_today,
    span_text,
    weekday_text,
)
from hairjournal.ui.style import card, heading, limited_width, paragraph, quiet, scaled_font

CONTENT_WIDTH = 1180
WASH_DAY_STYLE = "background: rgba(64, 128, 224, 0.16); border-radius: 4px;"
CENTER = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

TOTALS = (
    # attribute of queries.Totals, one, many
    ("sessions", "session", "sessions"),
    ("shed_counts", "shedding count", "shedding counts"),
    ("checkins", "check-in", "check-ins"),
    ("events", "event", "events"),
    ("measurements", "clinic figure", "clinic figures"),
    ("photos", "photo", "photos"),
)


def course_name(course: queries.Course) -> str:
    return f"{course.kind.label} ({course.product})" if course.product else course.kind.label


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _label(text: str, name: str = "", align: Qt.AlignmentFlag = LEFT) -> QLabel:
    label = QLabel(text)
    label.setAlignment(align)
    if name:
        label.setObjectName(name)
    return label


class DashboardView(QWidget):
    """Rebuilt from ``queries.dashboard()`` each time it is refreshed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: queries.Dashboard | None = None
        self.scroll = QScrollArea()
        self.scroll.setObjectName("page")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def refresh(self, today: dt.date | None = None) -> None:
        self.data = queries.dashboard(today)
        self.scroll.setWidget(self._page(self.data))

    def _page(self, data: queries.Dashboard) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)

        title = heading(data.title, 1.7)
        title.setObjectName("journalTitle")
        layout.addWidget(title)
        about = data.condition.label
        if data.onset_on is not None:
            about += f" · began {day_text(data.onset_on)}"
        layout.addWidget(quiet(_label(about, "condition")))

        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self._course_card(data), 3)
        top.addWidget(self._totals_card(data.totals), 2)
        layout.addLayout(top)
        layout.addWidget(self._shedding_card(data))
        layout.addWidget(self._courses_card(data))
        footer = quiet(paragraph(disclaimer.SHORT))
        footer.setObjectName("disclaimer")
        layout.addWidget(footer)
        layout.addStretch(1)

        return limited_width(column, CONTENT_WIDTH)

    def _course_card(self, data: queries.Dashboard) -> QFrame:
        frame, layout = card()
        current = data.current
        if current is None:
            layout.addWidget(heading("No treatment course yet", 1.5))
            layout.addWidget(paragraph("This journal has no course of treatment recorded."))
        else:
            course = current.course
            if current.days < 0:
                text = f"{course.kind.label} starts on {day_text(current.anchor)}"
            else:
                text = f"Week {current.week} of {course.kind.label}"
            week = heading(text, 1.6)
            week.setObjectName("courseWeek")
            layout.addWidget(week)
            if course.product:
                layout.addWidget(quiet(paragraph(course.product)))
            if current.from_first_session:
                since = (
                    f"Counted from the first session on {day_text(current.anchor)} "
                    f"({plural(max(current.days, 0), 'day', 'days')} ago)."
                )
            else:
                since = (
                    f"Counted from the start of the course on {day_text(current.anchor)}; "
                    "no sessions are recorded for it yet."
                )
            layout.addWidget(paragraph(since))
            if course.last_session_on is not None:
                sessions = plural(course.session_count, "session", "sessions")
                layout.addWidget(
                    paragraph(f"{sessions} so far, the last on {day_text(course.last_session_on)}.")
                )
            if course.stopped_on is not None:
                layout.addWidget(paragraph(f"The course stopped on {day_text(course.stopped_on)}."))
        planned = data.next_session
        if planned is not None:
            when = days_from_today(planned.on, data.today)
            next_label = paragraph(
                f"<b>Next planned session:</b> {course_name(planned.course)}, "
                f"{weekday_text(planned.on)} ({when})."
            )
            next_label.setObjectName("nextSession")
            layout.addWidget(next_label)
        layout.addStretch(1)
        return frame

    def _totals_card(self, totals: queries.Totals) -> QFrame:
        frame, layout = card("In this journal")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for index, (attribute, one, many) in enumerate(TOTALS):
            count = getattr(totals, attribute)
            number = _label(f"{count:,}", f"total_{attribute}", Qt.AlignmentFlag.AlignRight)
            number.setFont(scaled_font(number, 1.2, bold=True))
            row, pair = divmod(index, 2)
            grid.addWidget(number, row, pair * 2)
            grid.addWidget(_label(one if count == 1 else many), row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        return frame

    def _shedding_card(self, data: queries.Dashboard) -> QFrame:
        frame, layout = card("Shedding: the last 14 days")
        if not data.shedding:
            if data.last_count_on is None:
                text = "No shedding counts are recorded yet."
            else:
                text = (
                    "No shedding counts in the last 14 days; the last was on "
                    f"{day_text(data.last_count_on)}."
                )
            empty = paragraph(text)
            empty.setObjectName("noCounts")
            layout.addWidget(empty)
            return frame
        days = data.shedding[0].days
        layout.addWidget(
            quiet(
                paragraph(
                    f"Your own counts, {span_text(days[0].day, days[-1].day)}. "
                    "Shaded days marked “wash” were wash days."
                )
            )
        )
        layout.addLayout(self._strip(data))
        layout.addSpacing(6)
        layout.addWidget(heading("Mean of your own counts per day counted", 1.0))
        layout.addLayout(self._means(data))
        layout.addWidget(
            quiet(
                paragraph(
                    "Plain averages of what you counted, side by side. They are not a verdict on "
                    "any treatment: counts move with washing, season, illness and stress."
                )
            )
        )
        return frame

    def _strip(self, data: queries.Dashboard) -> QGridLayout:
        grid = QGridLayout()
        grid.setObjectName("sheddingStrip")
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        for column, day in enumerate(data.shedding[0].days, start=1):
            header = _label(f"{WEEKDAYS[day.day.weekday()]}\n{day.day.day}", align=CENTER)
            if day.day == data.today:
                header.setFont(scaled_font(header, 1.0, bold=True))
            else:
                quiet(header)
            grid.addWidget(header, 0, column)
            grid.setColumnStretch(column, 1)
            grid.setColumnMinimumWidth(column, 38)
        for row, shed in enumerate(data.shedding, start=1):
            grid.addWidget(_label(shed.protocol.label), row, 0)
            for column, count in enumerate(shed.days, start=1):
                grid.addWidget(self._day_cell(count), row, column)
        return grid

    @staticmethod
    def _day_cell(count: queries.DayCount) -> QLabel:
        if count.value is None:
            cell = quiet(_label(DASH, align=CENTER))
            cell.setToolTip(f"{weekday_text(count.day)}: not counted")
            return cell
        text = str(count.value)
        if count.wash_day:
            text = f"{text}<br><span style='font-size: small'>wash</span>"
        cell = _label(text, align=CENTER)
        cell.setMinimumHeight(cell.fontMetrics().height() * 2 + 6)
        if count.wash_day:
            cell.setStyleSheet(WASH_DAY_STYLE)
        wash = ", wash day" if count.wash_day else ""
        cell.setToolTip(f"{weekday_text(count.day)}: {count.value}{wash}")
        return cell

    def _means(self, data: queries.Dashboard) -> QGridLayout:
        grid = QGridLayout()
        grid.setObjectName("sheddingMeans")
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        first = data.shedding[0]
        recent = span_text(first.recent.first, first.recent.last)
        grid.addWidget(quiet(_label(f"Last 7 days\n{recent}")), 0, 1)
        current = data.current
        if first.baseline is not None and current is not None:
            before = "the first session" if current.from_first_session else "the course started"
            baseline = span_text(first.baseline.first, first.baseline.last)
            grid.addWidget(quiet(_label(f"14 days before {before}\n{baseline}")), 0, 2)
        for row, shed in enumerate(data.shedding, start=1):
            grid.addWidget(_label(shed.protocol.label), row, 0)
            grid.addWidget(_label(_mean_text(shed.recent), f"recent_{shed.protocol.value}"), row, 1)
            if shed.baseline is not None:
                name = f"baseline_{shed.protocol.value}"
                grid.addWidget(_label(_mean_text(shed.baseline), name), row, 2)
        grid.setColumnStretch(3, 1)
        return grid

    def _courses_card(self, data: queries.Dashboard) -> QFrame:
        frame, layout = card("Courses")
        if not data.courses:
            layout.addWidget(paragraph("No courses of treatment are recorded yet."))
            return frame
        grid = QGridLayout()
        grid.setObjectName("courses")
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        headers = ("Treatment", "Product", "Started", "Stopped", "Sessions", "Last session")
        for column, text in enumerate(headers):
            grid.addWidget(quiet(_label(text)), 0, column)
        for row, course in enumerate(data.courses, start=1):
            cells = (
                course.kind.label,
                course.product or "—",
                day_text(course.started_on),
                day_text(course.stopped_on) if course.stopped_on else "ongoing",
                str(course.session_count),
                day_text(course.last_session_on) if course.last_session_on else "—",
            )
            for column, text in enumerate(cells):
                grid.addWidget(_label(text), row, column)
        grid.setColumnStretch(len(headers) - 1, 1)
        layout.addLayout(grid)
        return frame


def _mean_text(mean: queries.Mean) -> str:
    if mean.value is None:
        return "no counts"
    return f"{mean.value:.1f}  ({mean.days_counted} of {mean.days} days counted)"
