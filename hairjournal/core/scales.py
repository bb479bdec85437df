"""The staging scales a clinic reports, and the SALT score for alopecia areata."""

from __future__ import annotations

from dataclasses import dataclass

from hairjournal.core.enums import MeasurementKind


@dataclass(frozen=True)
class StageScale:
    """An ordered list of stages; the journal stores a stage's position, starting at 1."""

    kind: MeasurementKind
    stages: tuple[str, ...]

    def label(self, position: float) -> str:
        index = int(position) - 1
        if not 0 <= index < len(self.stages) or position != int(position):
            raise ValueError(f"{self.kind.label} has no stage at position {position}")
        return self.stages[index]

    def position(self, stage: str) -> int:
        return self.stages.index(stage) + 1


STAGE_SCALES: dict[MeasurementKind, StageScale] = {
    scale.kind: scale
    for scale in (
        StageScale(
            MeasurementKind.NORWOOD,
            ("I", "II", "IIa", "III", "IIIa", "III vertex", "IV", "IVa", "V", "Va", "VI", "VII"),
        ),
        StageScale(MeasurementKind.LUDWIG, ("I (mild)", "II (moderate)", "III (severe)")),
        StageScale(MeasurementKind.SINCLAIR, ("1", "2", "3", "4", "5")),
        StageScale(
            MeasurementKind.SAVIN,
            ("I-1", "I-2", "I-3", "I-4", "II-1", "II-2", "III", "Advanced", "Frontal"),
        ),
    )
}

# Olsen 2004: share of the scalp surface each region stands for.
SALT_WEIGHTS = {"vertex": 0.40, "posterior": 0.24, "left_side": 0.18, "right_side": 0.18}
# Bands S0..S5 by total score (evidence section 2).
SALT_BANDS = (
    (0, 0, "S0"),
    (1, 24, "S1"),
    (25, 49, "S2"),
    (50, 74, "S3"),
    (75, 99, "S4"),
    (100, 100, "S5"),
)


def salt_score(vertex: float, posterior: float, left_side: float, right_side: float) -> float:
    """SALT total from the percent of terminal-hair loss in each of the four regions."""
    regions = {
        "vertex": vertex,
        "posterior": posterior,
        "left_side": left_side,
        "right_side": right_side,
    }
    for name, percent in regions.items():
        if not 0 <= percent <= 100:
            raise ValueError(f"{name.replace('_', ' ')} loss must be 0-100 %, not {percent}")
    return round(sum(SALT_WEIGHTS[name] * percent for name, percent in regions.items()), 1)


def salt_band(score: float) -> str:
    """The S0-S5 band of a SALT score; scores between bands round to the nearer whole number."""
    whole = round(score)
    for low, high, name in SALT_BANDS:
        if low <= whole <= high:
            return name
    raise ValueError(f"a SALT score runs from 0 to 100, not {score}")
