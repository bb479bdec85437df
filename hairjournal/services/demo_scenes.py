"""The four scalp regions the demo photographs: where hair grows, which way it lies, and moles.

Coordinates are pixels of a 4000 x 3000 frame, x to the right and y down; angles are radians
measured the same way (0 points right, pi/2 points down). A density is the share of follicles
that show a hair, from 0 (bare skin) to 1 (a full head of hair).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from hairjournal.core.enums import ScalpRegion

Field = Callable[[np.ndarray, np.ndarray], np.ndarray]
Density = Callable[[np.ndarray, np.ndarray, float], np.ndarray]
Colour = tuple[int, int, int]
Mole = tuple[tuple[float, float], float, Colour]  # centre, radius, colour


@dataclass(frozen=True)
class Scene:
    flow: Field  # the direction hair lies in at each point
    density: Density  # at each point, for a recovery from 0 to 1
    moles: tuple[Mole, ...]
    follicles: int = 30_000
    hair_length: float = 430.0
    skin: Colour = (218, 172, 150)
    skin_variation: tuple[float, float, float] = (4.0, 5.0, 5.0)
    hair_dark: Colour = (38, 27, 21)
    hair_light: Colour = (150, 112, 88)


def _smooth(edge0: float, edge1: float, value: np.ndarray) -> np.ndarray:
    t = np.clip((value - edge0) / (edge1 - edge0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _thinning(depth: np.ndarray, before: float, after: float, recovery: float) -> np.ndarray:
    """Full density outside (depth 0) falling to ``before`` inside (depth 1), which rises to
    ``after`` with recovery."""
    inner = before + (after - before) * recovery
    return 0.92 - (0.92 - inner) * depth


# The crown: hair spirals out of a whorl; a round patch around it has thinned.
WHORL = (2080.0, 1420.0)


def _vertex_flow(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.arctan2(y - WHORL[1], x - WHORL[0]) + math.radians(62)


def _vertex_density(x: np.ndarray, y: np.ndarray, recovery: float) -> np.ndarray:
    radius = np.hypot((x - WHORL[0]) / 1.1, y - WHORL[1])
    return _thinning(1 - _smooth(500, 1500, radius), 0.28, 0.68, recovery)


# The part: a line across the frame, hair combed away to both sides; the part has widened.
PART_Y = 1560.0


def _part_flow(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    slope = 0.035 * (x - 2000) / 2000  # the part runs slightly downhill
    above = y < PART_Y + slope * 2000
    return np.where(above, -math.pi / 2 - 0.55, math.pi / 2 + 0.55) + 0.12 * np.sin(x / 700)


def _part_density(x: np.ndarray, y: np.ndarray, recovery: float) -> np.ndarray:
    distance = np.abs(y - PART_Y - 0.035 * (x - 2000))
    bare = distance < 40  # the parting itself: no roots right on the line
    depth = 1 - _smooth(40, 900, distance)
    return np.where(bare, 0.0, _thinning(depth, 0.1, 0.5, recovery))


# The hairline: forehead below, a receding M-shaped edge, hair brushed back (up the frame).
def _hairline_y(x: np.ndarray) -> np.ndarray:
    return 1700 + 380 * np.exp(-(((x - 2000) / 700) ** 2)) - 200 * np.cos(x / 4000 * math.tau)


def _frontal_flow(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return -math.pi / 2 + 0.25 * np.sin(x / 900) + 0.0 * y


def _frontal_density(x: np.ndarray, y: np.ndarray, recovery: float) -> np.ndarray:
    behind = _hairline_y(x) - y  # how far behind the hairline; negative on the forehead
    edge = _smooth(-60, 140, behind)
    return edge * _thinning(1 - _smooth(150, 1100, behind), 0.25, 0.65, recovery)


# The left temple: the hairline runs diagonally, hair lies down and back over the ear.
def _temple_flow(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return math.radians(118) + 0.15 * np.sin((x + y) / 800)


def _temple_density(x: np.ndarray, y: np.ndarray, recovery: float) -> np.ndarray:
    behind = (0.62 * x - y - 250) / math.hypot(0.62, 1)  # signed distance from the hairline
    edge = _smooth(-60, 140, -behind)
    return edge * _thinning(1 - _smooth(100, 1000, -behind), 0.22, 0.6, recovery)


MOLE = (118, 76, 58)
FRECKLE = (170, 118, 92)

SCENES: dict[ScalpRegion, Scene] = {
    ScalpRegion.VERTEX: Scene(
        _vertex_flow,
        _vertex_density,
        moles=(((1350, 950), 36, MOLE), ((2850, 1500), 30, MOLE), ((1850, 2200), 26, FRECKLE)),
    ),
    ScalpRegion.MIDLINE_PART: Scene(
        _part_flow,
        _part_density,
        moles=(((950, 1530), 34, MOLE), ((2950, 1600), 28, MOLE), ((2100, 1580), 24, FRECKLE)),
        hair_length=520.0,
    ),
    ScalpRegion.FRONTAL: Scene(
        _frontal_flow,
        _frontal_density,
        moles=(((1380, 2460), 36, MOLE), ((2700, 2600), 28, MOLE), ((2050, 2780), 24, FRECKLE)),
        hair_length=380.0,
    ),
    ScalpRegion.TEMPORAL_LEFT: Scene(
        _temple_flow,
        _temple_density,
        moles=(((3000, 1300), 36, MOLE), ((3450, 2200), 28, MOLE), ((2500, 2350), 24, FRECKLE)),
        hair_length=360.0,
    ),
}
