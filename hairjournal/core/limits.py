"""The ranges a value may take (enforced) and the ranges it usually takes (a warning above them).

One table serves the forms, the CSV importer and the journal's CHECK constraints, so that what
the form refuses the database refuses too.
"""

from __future__ import annotations

from dataclasses import dataclass

from hairjournal.core.enums import MeasurementKind, ShedProtocol


@dataclass(frozen=True)
class Limit:
    """Values from ``low`` to ``high`` are allowed; above ``usual_high`` the user confirms."""

    low: float
    high: float
    usual_high: float | None = None
    whole: bool = False
    low_inclusive: bool = True

    def allows(self, value: float) -> bool:
        above_low = value >= self.low if self.low_inclusive else value > self.low
        return above_low and value <= self.high and (not self.whole or float(value).is_integer())

    def is_unusual(self, value: float) -> bool:
        return self.usual_high is not None and value > self.usual_high

    def sql(self, column: str) -> str:
        """The CHECK expression that enforces this limit on ``column`` (NULL passes)."""
        low_op = ">=" if self.low_inclusive else ">"
        parts = [f"{column} {low_op} {_number(self.low)}", f"{column} <= {_number(self.high)}"]
        if self.whole:
            parts.append(f"{column} = CAST({column} AS INTEGER)")
        return " AND ".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


# Hair counted by hand: more than this is a typing slip, not a count.
MAX_HAND_COUNT = 10_000

SHED_COUNT: dict[ShedProtocol, Limit] = {
    ShedProtocol.DAILY_TOTAL: Limit(0, MAX_HAND_COUNT, usual_high=1500, whole=True),
    ShedProtocol.SHOWER: Limit(0, MAX_HAND_COUNT, usual_high=1500, whole=True),
    ShedProtocol.BRUSH: Limit(0, MAX_HAND_COUNT, usual_high=1500, whole=True),
    ShedProtocol.COMB_60S: Limit(0, MAX_HAND_COUNT, usual_high=300, whole=True),
    ShedProtocol.WASH_TEST: Limit(0, MAX_HAND_COUNT, usual_high=1500, whole=True),
    # Sinclair's shedding scale: six photographed bundles, grades 1 to 6.
    ShedProtocol.VISUAL_SCALE: Limit(1, 6, whole=True),
}

RATING = Limit(0, 10, whole=True)  # check-in scores and session pain
BIRTH_YEAR = Limit(1900, 2100, whole=True)
VOLUME_ML = Limit(0, 50, usual_high=20, low_inclusive=False)
NEEDLE_DEPTH_MM = Limit(0, 5, usual_high=3, low_inclusive=False)
COST = Limit(0, 1_000_000)
PHOTO_SIDE_PX = Limit(1, 100_000, whole=True)

MEASUREMENT: dict[MeasurementKind, Limit] = {
    MeasurementKind.DENSITY_PER_CM2: Limit(0, 1000, usual_high=400),
    MeasurementKind.TARGET_AREA_COUNT: Limit(0, 100_000, whole=True),
    MeasurementKind.SHAFT_DIAMETER_UM: Limit(0, 300, usual_high=150, low_inclusive=False),
    MeasurementKind.PULL_TEST: Limit(0, 100, usual_high=60, whole=True),
    MeasurementKind.SALT: Limit(0, 100),
    # Stage scales store the stage's position, 1 to the number of stages (see core.scales).
    MeasurementKind.NORWOOD: Limit(1, 12, whole=True),
    MeasurementKind.LUDWIG: Limit(1, 3, whole=True),
    MeasurementKind.SINCLAIR: Limit(1, 5, whole=True),
    MeasurementKind.SAVIN: Limit(1, 9, whole=True),
}


def by_kind_sql(column: str, kind_column: str, limits: dict[str, Limit]) -> str:
    """One CHECK expression that applies each kind's limit to ``column``."""
    cases = " ".join(f"WHEN '{kind}' THEN ({limit.sql(column)})" for kind, limit in limits.items())
    return f"CASE {kind_column} {cases} ELSE 0 END"
