"""Reading cells: dates in the orders people write them, numbers with either decimal mark."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.services.csv_cells import CellError, CellReader, read_list, uses_decimal_comma
from hairjournal.services.csv_dates import DateOrder, DateOrderUnknown, date_order, parse_date
from hairjournal.services.csv_format import list_cell, neutralised, number_cell, restored

TODAY = dt.date(2026, 6, 30)
DAYS = st.dates(dt.date(1950, 1, 1), TODAY)


@given(st.lists(DAYS, min_size=1, max_size=20), st.sampled_from(["/", "-"]))
def test_day_first_dates_read_back_once_the_order_is_settled(
    days: list[dt.date], separator: str
) -> None:
    cells = [f"{d.day:02d}{separator}{d.month:02d}{separator}{d.year}" for d in days]
    try:
        order = date_order(cells)
    except DateOrderUnknown:
        order = DateOrder.DAY_FIRST  # what the person then says
    if order is None:  # every date has day == month: either order reads the same
        order = DateOrder.DAY_FIRST
    assert order is DateOrder.DAY_FIRST
    assert [parse_date(cell, order, today=TODAY) for cell in cells] == days


@given(st.lists(DAYS, min_size=1, max_size=20))
def test_month_first_dates_are_never_taken_for_day_first(days: list[dt.date]) -> None:
    cells = [f"{d.month}/{d.day}/{d.year}" for d in days]
    try:
        order = date_order(cells)
    except DateOrderUnknown:
        return  # asked, not guessed
    if order is not None:
        assert order is DateOrder.MONTH_FIRST
        assert [parse_date(cell, order, today=TODAY) for cell in cells] == days


def test_dates_written_both_ways_are_refused() -> None:
    with pytest.raises(DateOrderUnknown, match="Some dates are day/month/year"):
        date_order(["14/03/2025", "03/14/2025"])


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2025-03-14", dt.date(2025, 3, 14)),
        ("2025/3/4", dt.date(2025, 3, 4)),
        ("2025-03-14 08:30:00", dt.date(2025, 3, 14)),
        ("2025-03-14T08:30", dt.date(2025, 3, 14)),
        ("14.03.2025", dt.date(2025, 3, 14)),
        ("03.04.25", dt.date(2025, 4, 3)),
        ("14 Mar 2025", dt.date(2025, 3, 14)),
        ("14-Mar-25", dt.date(2025, 3, 14)),
        ("March 14, 2025", dt.date(2025, 3, 14)),
        ("Sept 1 2025", dt.date(2025, 9, 1)),
        ("7/7/99", dt.date(1999, 7, 7)),
    ],
)
def test_date_spellings(cell: str, day: dt.date) -> None:
    assert parse_date(cell, None, today=TODAY) == day


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2025-02-30", "“2025-02-30” is not a date on the calendar."),
        ("yesterday", "“yesterday” is not a date (write it as 2025-03-14, for example)."),
        ("03/04/2025", "“03/04/2025” could be day/month/year or month/day/year."),
    ],
)
def test_what_is_not_a_date_says_why(cell: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(cell, None, today=TODAY)


@pytest.mark.parametrize(
    ("cells", "separator", "comma"),
    [
        (["2,5", "3"], ";", True),
        (["2.5", "3"], ";", False),
        (["1,500"], ",", False),  # thousands in a comma-separated file
        (["1,500"], ";", True),  # a decimal comma where cells are split by semicolons
        (["12", "13"], "\t", True),  # nothing settles it: the separator decides
    ],
)
def test_decimal_comma_detection(cells: list[str], separator: str, comma: bool) -> None:
    assert uses_decimal_comma(cells, separator) is comma


@pytest.mark.parametrize(
    ("cell", "comma", "value"),
    [
        ("1.234,5", True, 1234.5),
        ("1,234.5", False, 1234.5),
        ("1 234", False, 1234),
        ("2,5", False, 2.5),
        ("-3", False, -3),
        ("1e-05", True, 1e-05),
    ],
)
def test_numbers(cell: str, comma: bool, value: float) -> None:
    assert CellReader(comma, None, TODAY).number(cell) == value


@pytest.mark.parametrize("cell", ["abc", "nan", "inf", "1..2", ""])
def test_what_is_not_a_number_says_so(cell: str) -> None:
    with pytest.raises(CellError, match="is not a number"):
        CellReader(False, None, TODAY).number(cell)


@given(st.floats(allow_nan=False, allow_infinity=False), st.booleans())
def test_every_number_reads_back_exactly(value: float, comma: bool) -> None:
    cell = str(number_cell(value, decimal_comma=comma))
    assert CellReader(comma, None, TODAY).number(cell) == value


@given(st.text())
def test_neutralised_text_reads_back_and_never_starts_a_formula(text: str) -> None:
    cell = neutralised(text)
    assert restored(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.lists(st.text()))
def test_lists_read_back(items: list[str]) -> None:
    cell = list_cell(items)
    assert read_list(restored(cell)) == items
