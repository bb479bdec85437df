"""The shipped reference timelines: validation, bands, interpolation, and the evidence's numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hairjournal.core import reference
from hairjournal.core.enums import Condition, TreatmentKind
from hairjournal.core.reference import (
    GRADES,
    MARKER_COLUMNS,
    TIMELINE_COLUMNS,
    TIMING_COLUMNS,
    Band,
    BandPoint,
    BandValue,
    ReferenceDataError,
    band_at,
    bands_for,
    load_reference,
    markers_for,
    reference_folder,
    timings_for,
)

AGA = (Condition.AGA_MALE, Condition.AGA_FEMALE)
EXOSOME = TreatmentKind.EXOSOME
GOOD_ROW = "aga_male,exosome,0,density,0,0,0,percent,Someone 2020,A,false,"


def shipped_records(name: str) -> list[dict[str, str]]:
    text = (reference_folder() / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def write_folder(folder: Path, timelines: list[str], markers: list[str] | None = None) -> Path:
    (folder / "timelines.csv").write_text(
        "# a comment line\n" + "\n".join([",".join(TIMELINE_COLUMNS), *timelines]) + "\n"
    )
    (folder / "markers.csv").write_text("\n".join([",".join(MARKER_COLUMNS), *(markers or [])]))
    (folder / "timings.csv").write_text(",".join(TIMING_COLUMNS) + "\n")
    return folder


def only_band(
    condition: Condition,
    treatment: TreatmentKind | None,
    metric: str,
    source: str,
    *,
    placebo: bool = False,
    unit: str = "percent",
) -> Band:
    found = [
        band
        for band in bands_for(condition, treatment, metric)
        if source in band.source and band.placebo == placebo and band.unit == unit
    ]
    assert len(found) == 1, found
    return found[0]


def test_the_shipped_files_load_and_cover_every_file() -> None:
    shipped = load_reference()
    assert len(shipped.rows) == len(shipped_records("timelines.csv"))
    assert len(shipped.markers) == len(shipped_records("markers.csv"))
    assert len(shipped.timings) == len(shipped_records("timings.csv"))
    assert shipped.bands
    assert shipped.markers
    assert shipped.timings


@pytest.mark.parametrize("name", ["timelines.csv", "markers.csv", "timings.csv"])
def test_every_shipped_row_names_a_source_and_a_grade(name: str) -> None:
    records = shipped_records(name)
    assert records
    for record in records:
        assert record["source"].strip(), record
        assert record["grade"] in GRADES, record


def test_every_band_starts_at_week_zero_with_no_change() -> None:
    for band in load_reference().bands:
        assert band.first_week == 0, band.label
        assert band.points[0] == BandPoint(0, 0, 0, 0), band.label
        assert len(band.points) >= 2, band.label


@pytest.mark.parametrize("column", ["source", "grade"])
def test_a_row_without_a_source_or_grade_is_refused(tmp_path: Path, column: str) -> None:
    cells = GOOD_ROW.split(",")
    cells[TIMELINE_COLUMNS.index(column)] = ""
    write_folder(tmp_path, [GOOD_ROW, ",".join(cells)])
    with pytest.raises(ReferenceDataError, match=rf"timelines\.csv, line 4: {column} is empty"):
        load_reference(tmp_path)


def test_a_marker_without_a_source_is_refused(tmp_path: Path) -> None:
    write_folder(tmp_path, [GOOD_ROW], ["aga_male,exosome,4,density,improvement reported,,B"])
    with pytest.raises(
        ReferenceDataError, match=r"markers\.csv, line 2: source is empty"
    ) as caught:
        load_reference(tmp_path)
    assert caught.value.line == 2
    assert caught.value.path == tmp_path / "markers.csv"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("aga_male,exosome,16,density,5,4,6,percent,S,A,false,", "low 5 is above typical 4"),
        ("aga_male,exosome,16,density,1,7,6,percent,S,A,false,", "typical 7 is above high 6"),
        ("aga_male,exosome,16,density,9,,6,percent,S,A,false,", "low 9 is above high 6"),
        ("bald,exosome,16,density,1,2,3,percent,S,A,false,", "unknown condition 'bald'"),
        ("aga_male,magic,16,density,1,2,3,percent,S,A,false,", "unknown treatment 'magic'"),
        ("aga_male,exosome,16,shine,1,2,3,percent,S,A,false,", "unknown metric 'shine'"),
        ("aga_male,exosome,16,density,1,2,3,inches,S,A,false,", "unknown unit 'inches'"),
        ("aga_male,exosome,16,thickness,1,2,3,hairs_per_cm2,S,A,false,", "cannot be given in"),
        ("aga_male,exosome,16,density,1,2,3,percent,S,D,false,", "unknown grade 'D'"),
        ("aga_male,exosome,16,density,1,2,3,percent,S,A,maybe,", "placebo must be true or false"),
        ("aga_male,exosome,-1,density,1,2,3,percent,S,A,false,", "week -1 is before the start"),
        ("aga_male,exosome,x,density,1,2,3,percent,S,A,false,", "week 'x' is not a number"),
        ("aga_male,exosome,16,density,,2,3,percent,S,A,false,", "low is empty"),
        ("aga_male,exosome,16,density,1,2,3,percent,S,A,false", "11 cells where 12"),
    ],
)
def test_malformed_rows_are_refused_naming_file_and_line(
    tmp_path: Path, row: str, problem: str
) -> None:
    write_folder(tmp_path, [GOOD_ROW, row])
    with pytest.raises(ReferenceDataError, match=r"^timelines\.csv, line 4: ") as caught:
        load_reference(tmp_path)
    assert problem in str(caught.value)
    assert caught.value.line == 4


def test_weeks_must_ascend_within_a_band(tmp_path: Path) -> None:
    later = "aga_male,exosome,16,density,5,5,5,percent,Someone 2020,A,false,"
    earlier = "aga_male,exosome,8,density,2,2,2,percent,Someone 2020,A,false,"
    write_folder(tmp_path, [GOOD_ROW, later, earlier])
    with pytest.raises(ReferenceDataError, match="line 5: week 8 does not follow week 16"):
        load_reference(tmp_path)


def test_a_placebo_arm_and_another_source_are_bands_of_their_own(tmp_path: Path) -> None:
    write_folder(
        tmp_path,
        [
            GOOD_ROW,
            "aga_male,exosome,16,density,9,10,11,percent,Someone 2020,A,false,drug",
            "aga_male,exosome,0,density,0,0,0,percent,Someone 2020,A,true,",
            "aga_male,exosome,16,density,1,2,3,percent,Someone 2020,A,true,placebo",
            "aga_male,exosome,0,density,0,0,0,percent,Other 2021,B,false,",
            "aga_male,exosome,8,density,4,,6,percent,Other 2021,B,false,range only",
        ],
    )
    loaded = load_reference(tmp_path)
    bands = bands_for(Condition.AGA_MALE, EXOSOME, "density", reference=loaded)
    assert [(band.source, band.placebo) for band in bands] == [
        ("Someone 2020", False),
        ("Other 2021", False),
        ("Someone 2020", True),
    ]
    assert bands[2].label == "Someone 2020, grade A, placebo"
    assert bands[2].points[-1] == BandPoint(16, 1, 2, 3)
    assert bands[1].points[-1].typical is None
    assert bands_for(Condition.AGA_FEMALE, EXOSOME, "density", reference=loaded) == []


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    write_folder(tmp_path, [GOOD_ROW])
    (tmp_path / "timings.csv").unlink()
    with pytest.raises(ReferenceDataError, match=r"timings\.csv, line 0: the file is missing"):
        load_reference(tmp_path)


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    write_folder(tmp_path, [GOOD_ROW])
    (tmp_path / "markers.csv").write_text("# note\ncondition,week\n")
    with pytest.raises(ReferenceDataError, match=r"markers\.csv, line 2: the header must be"):
        load_reference(tmp_path)


BAND = Band(
    condition=Condition.AGA_MALE,
    treatment=EXOSOME,
    metric="density",
    unit="percent",
    source="Test",
    grade="A",
    placebo=False,
    points=(BandPoint(0, 0, 0, 0), BandPoint(8, 4, None, 10), BandPoint(16, 10, 14, 20)),
    notes=(),
)


def test_band_values_at_sourced_weeks_are_the_rows() -> None:
    assert band_at(BAND, 0) == BandValue(0, 0, 0)
    assert band_at(BAND, 8) == BandValue(4, None, 10)
    assert band_at(BAND, 16) == BandValue(10, 14, 20)


def test_band_is_interpolated_between_sourced_weeks_only() -> None:
    assert band_at(BAND, 12) == BandValue(7, None, 15)  # no typical at week 8: none between
    assert band_at(BAND, 4) == BandValue(2, None, 5)
    assert band_at(BAND, 16.01) is None
    assert band_at(BAND, 100) is None
    assert band_at(BAND, -0.5) is None


@given(st.floats(min_value=0, max_value=16, allow_nan=False))
def test_an_interpolated_band_stays_between_its_neighbours(week: float) -> None:
    value = band_at(BAND, week)
    assert value is not None
    assert value.low <= value.high
    assert 0 <= value.low <= 10
    assert 0 <= value.high <= 20


def test_no_shipped_band_is_extended_past_its_last_week() -> None:
    for band in load_reference().bands:
        assert band_at(band, band.last_week) is not None
        assert band_at(band, band.last_week + 0.1) is None


def test_tak_2020_numbers_equal_the_evidence() -> None:
    for condition in AGA:
        count = only_band(condition, EXOSOME, "hair_count", "Tak et al.")
        vehicle = only_band(condition, EXOSOME, "hair_count", "Tak et al.", placebo=True)
        shaft = only_band(condition, EXOSOME, "thickness", "Tak et al.")
        shaft_vehicle = only_band(condition, EXOSOME, "thickness", "Tak et al.", placebo=True)
        assert band_at(count, 16) == BandValue(28.1, 28.1, 28.1)
        assert band_at(vehicle, 16) == BandValue(7.1, 7.1, 7.1)
        assert band_at(shaft, 16) == BandValue(14.2, 14.2, 14.2)
        assert band_at(shaft_vehicle, 16) == BandValue(6.3, 6.3, 6.3)
        assert count.grade == "A"
        assert any("not stated" in note for note in count.notes)
    markers = markers_for(Condition.AGA_MALE, EXOSOME, "hair_count")
    assert [(m.week, m.grade) for m in markers if "Tak" in m.source] == [(8, "A")]


def test_oh_2020_numbers_equal_the_evidence() -> None:
    for condition in AGA:
        density = only_band(condition, EXOSOME, "density", "Oh et al.")
        thickness = only_band(condition, EXOSOME, "thickness", "Oh et al.")
        assert band_at(density, 16) == BandValue(14.2, 14.2, 14.2)
        assert band_at(thickness, 16) == BandValue(28.2, 28.2, 28.2)
        for metric in ("density", "thickness"):
            placebo = only_band(condition, EXOSOME, metric, "Oh et al.", placebo=True)
            assert band_at(placebo, 16) == BandValue(0, 0, 0)


def test_price_2006_numbers_equal_the_evidence() -> None:
    drug = only_band(Condition.AGA_MALE, TreatmentKind.FINASTERIDE, "hair_count", "Price 2006")
    placebo = only_band(
        Condition.AGA_MALE, TreatmentKind.FINASTERIDE, "hair_count", "Price 2006", placebo=True
    )
    assert drug.points[-1] == BandPoint(192, 7.2, 7.2, 7.2)
    assert placebo.points[-1] == BandPoint(192, -13.0, -13.0, -13.0)
    assert (drug.grade, placebo.grade) == ("A", "A")


def test_brave_aa_numbers_equal_the_evidence() -> None:
    jak = TreatmentKind.JAK_INHIBITOR
    expected = {"BRAVE-AA1": (38.8, 6.2), "BRAVE-AA2": (35.9, 3.3)}
    for trial, (drug, placebo) in expected.items():
        arms = [
            only_band(Condition.AA, jak, "salt_le_20", trial, unit="percent_of_patients"),
            only_band(
                Condition.AA, jak, "salt_le_20", trial, unit="percent_of_patients", placebo=True
            ),
        ]
        assert [band_at(arm, 36) for arm in arms] == [
            BandValue(drug, drug, drug),
            BandValue(placebo, placebo, placebo),
        ]


def test_populations_are_listed_only_where_the_study_says() -> None:
    assert not [b for b in bands_for(Condition.AGA_MALE, EXOSOME, "density") if "Shin" in b.source]
    assert [b for b in bands_for(Condition.AGA_FEMALE, EXOSOME, "density") if "Shin" in b.source]
    assert not [b for b in bands_for(Condition.AGA_FEMALE, EXOSOME, "density") if "Wan" in b.source]
    assert not [m for m in markers_for(Condition.AGA_FEMALE, EXOSOME) if "Ersan" in m.source]
    ersan = [m for m in markers_for(Condition.AGA_MALE, EXOSOME, "density") if "Ersan" in m.source]
    assert [marker.week for marker in ersan] == [4, 12]


def test_a_range_without_a_typical_value_keeps_it_empty() -> None:
    wan = only_band(Condition.AGA_MALE, EXOSOME, "density", "Wan et al.")
    assert wan.points[-1] == BandPoint(52, 37, None, 47)
    halfway = band_at(wan, 26)
    assert halfway == BandValue(18.5, None, 23.5)


def test_telogen_effluvium_timings_are_in_weeks_after_the_trigger() -> None:
    (classic,) = timings_for(Condition.TE, None, "shedding_onset")
    assert classic.after == "trigger"
    weeks = classic.weeks()
    assert weeks.typical_low == pytest.approx(2 * 52 / 12)
    assert weeks.typical_high == pytest.approx(13)
    assert weeks.low == pytest.approx(52 / 12)
    assert weeks.high == pytest.approx(26)
    covid = timings_for(Condition.TE_POST_COVID, None, "shedding_onset")
    assert {(t.typical_low, t.unit, t.grade) for t in covid} == {
        (45, "days", "B"),
        (73, "days", "B"),
    }
    (resolution,) = timings_for(Condition.TE_POST_COVID, None, "shedding_resolution")
    assert (resolution.after, resolution.weeks().typical_low) == ("shedding_onset", 33 / 7)


def test_a_timing_out_of_order_is_refused(tmp_path: Path) -> None:
    write_folder(tmp_path, [GOOD_ROW])
    (tmp_path / "timings.csv").write_text(
        ",".join(TIMING_COLUMNS) + "\nte,none,shedding_onset,trigger,3,2,2,6,months,r,S,\n"
    )
    with pytest.raises(ReferenceDataError, match=r"timings\.csv, line 2: low 3 is above"):
        load_reference(tmp_path)


def test_the_shipped_data_is_read_once() -> None:
    assert reference.shipped_reference() is reference.shipped_reference()
