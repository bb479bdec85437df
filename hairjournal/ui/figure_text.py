"""A clinic figure as people read it: '140 hairs/cm²', 'III vertex', '42.5 (S2)'."""

from __future__ import annotations

from hairjournal.core.enums import MeasurementKind
from hairjournal.core.scales import STAGE_SCALES, salt_band

UNITS = {
    MeasurementKind.DENSITY_PER_CM2: "hairs/cm²",
    MeasurementKind.TARGET_AREA_COUNT: "hairs",
    MeasurementKind.SHAFT_DIAMETER_UM: "µm",
    MeasurementKind.PULL_TEST: "hairs out",
}

# What the figure is called in a list, without the unit the value already carries.
FIGURE_NAMES = {
    MeasurementKind.DENSITY_PER_CM2: "Density",
    MeasurementKind.TARGET_AREA_COUNT: "Target-area count",
    MeasurementKind.SHAFT_DIAMETER_UM: "Shaft diameter",
    MeasurementKind.PULL_TEST: "Pull test",
    MeasurementKind.NORWOOD: "Hamilton-Norwood",
    MeasurementKind.LUDWIG: "Ludwig",
    MeasurementKind.SINCLAIR: "Sinclair",
    MeasurementKind.SAVIN: "Savin",
    MeasurementKind.SALT: "SALT",
}


def figure_text(kind: MeasurementKind, value: float) -> str:
    """The value with its unit, a stage by its name, a SALT score with its band."""
    scale = STAGE_SCALES.get(kind)
    if scale is not None:
        try:
            return scale.label(value)
        except ValueError:
            return f"{value:g}"  # not a stage: show what the journal holds rather than nothing
    if kind is MeasurementKind.SALT:
        return f"{value:.1f} ({salt_band(value)})"
    return f"{value:,g} {UNITS[kind]}"
