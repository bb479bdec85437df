"""Similarity transforms (scale, rotation, shift) fitted to matching points by least squares."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

Points = NDArray[np.float64]  # shape (n, 2): x, y

# Points whose spread is below this fraction of their size all sit on one spot.
_COINCIDENT = 1e-9


@dataclass(frozen=True)
class Similarity:
    """``p -> scale * R(rotation) @ p + (tx, ty)``; rotation in radians, counter-clockwise in
    x-right/y-up terms (clockwise on screen, where y points down)."""

    scale: float
    rotation: float
    tx: float
    ty: float

    @classmethod
    def identity(cls) -> Similarity:
        return cls(1.0, 0.0, 0.0, 0.0)

    @property
    def matrix(self) -> NDArray[np.float64]:
        """The 2x3 affine matrix ``[[a, -b, tx], [b, a, ty]]``."""
        a = self.scale * math.cos(self.rotation)
        b = self.scale * math.sin(self.rotation)
        return np.array([[a, -b, self.tx], [b, a, self.ty]])

    @property
    def rotation_degrees(self) -> float:
        return math.degrees(self.rotation)

    def apply(self, points: ArrayLike) -> Points:
        """The transformed points, shape (n, 2) (a single point gives shape (1, 2))."""
        array = _as_points(points)
        return array @ self.matrix[:, :2].T + self.matrix[:, 2]

    def inverse(self) -> Similarity:
        scale = 1.0 / self.scale
        cos, sin = math.cos(-self.rotation), math.sin(-self.rotation)
        tx = -scale * (cos * self.tx - sin * self.ty)
        ty = -scale * (sin * self.tx + cos * self.ty)
        return Similarity(scale, _wrapped(-self.rotation), tx, ty)

    def then(self, after: Similarity) -> Similarity:
        """This transform followed by ``after``: ``after.apply(self.apply(p))``."""
        cos, sin = math.cos(after.rotation), math.sin(after.rotation)
        tx = after.scale * (cos * self.tx - sin * self.ty) + after.tx
        ty = after.scale * (sin * self.tx + cos * self.ty) + after.ty
        return Similarity(
            self.scale * after.scale, _wrapped(self.rotation + after.rotation), tx, ty
        )

    def to_dict(self) -> dict[str, float | list[float]]:
        return {
            "scale": self.scale,
            "rotation_degrees": self.rotation_degrees,
            "translation": [self.tx, self.ty],
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Similarity:
        """The inverse of ``to_dict``; raises ValueError for anything else."""
        try:
            scale = float(values["scale"])
            rotation = math.radians(float(values["rotation_degrees"]))
            tx, ty = (float(v) for v in values["translation"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a similarity transform: {values!r}") from error
        if not (scale > 0 and all(map(math.isfinite, (scale, rotation, tx, ty)))):
            raise ValueError(f"not a similarity transform: {values!r}")
        return cls(scale, _wrapped(rotation), tx, ty)


def similarity_transform(source_points: ArrayLike, target_points: ArrayLike) -> Similarity:
    """The similarity that maps ``source_points`` closest to ``target_points`` (least squares).

    Umeyama's method without reflection: exact for two pairs, the least-squares fit for three
    or more. Raises ValueError for fewer than two pairs, unequal counts, values that are not
    finite numbers, or points that all fall on one spot (no scale or angle can be read off).
    """
    source, target = _as_points(source_points), _as_points(target_points)
    if len(source) != len(target):
        raise ValueError(f"{len(source)} source points but {len(target)} target points")
    if len(source) < 2:
        raise ValueError("at least two pairs of points are needed")
    source_mean, target_mean = source.mean(axis=0), target.mean(axis=0)
    source_centred, target_centred = source - source_mean, target - target_mean
    source_spread = float((source_centred**2).sum(axis=1).mean())
    target_spread = float((target_centred**2).sum(axis=1).mean())
    for name, spread, points in (
        ("source", source_spread, source),
        ("target", target_spread, target),
    ):
        size = max(1.0, float(np.abs(points).max()))
        if math.sqrt(spread) <= _COINCIDENT * size:
            raise ValueError(f"the {name} points all fall on one spot")
    covariance = target_centred.T @ source_centred / len(source)
    u, singular, vt = np.linalg.svd(covariance)
    reflection = np.diag([1.0, -1.0 if np.linalg.det(u) * np.linalg.det(vt) < 0 else 1.0])
    rotation = u @ reflection @ vt
    scale = float(np.trace(np.diag(singular) @ reflection)) / source_spread
    if not scale > 0:
        raise ValueError("the points cannot be matched by scaling and turning (only mirrored)")
    translation = target_mean - scale * rotation @ source_mean
    angle = math.atan2(rotation[1, 0], rotation[0, 0])
    return Similarity(scale, angle, float(translation[0]), float(translation[1]))


def residual(transform: Similarity, source_points: ArrayLike, target_points: ArrayLike) -> float:
    """Root-mean-square distance between the transformed source points and the targets."""
    source, target = _as_points(source_points), _as_points(target_points)
    if len(source) != len(target):
        raise ValueError(f"{len(source)} source points but {len(target)} target points")
    return float(np.sqrt(((transform.apply(source) - target) ** 2).sum(axis=1).mean()))


def _as_points(points: ArrayLike | Sequence[Sequence[float]]) -> Points:
    array = np.asarray(points, dtype=np.float64)
    if array.shape in ((2,), (0,)):
        array = array.reshape(-1, 2)
    if array.ndim != 2 or array.shape[1] != 2:
        raise ValueError(f"points must be pairs of x, y; got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError("points must be finite numbers")
    return array


def _wrapped(angle: float) -> float:
    """``angle`` in (-pi, pi]."""
    wrapped = math.remainder(angle, math.tau)
    return math.pi if wrapped == -math.pi else wrapped
