"""What a photo's ``landmarks`` hold: the points that line it up with an earlier photo.

Stored as JSON in ``photo.landmarks`` of the photo that was aligned::

    {"version": 1, "reference": 12,
     "points": [[x, y], ...], "reference_points": [[x, y], ...],
     "transform": {"scale": s, "rotation_degrees": r, "translation": [tx, ty]},
     "residual": 1.7}

Points are in the photo's original pixels after its EXIF orientation is applied (the photo as
shown); ``points`` lie on this photo and ``reference_points`` on the reference photo, in the
same order. ``transform`` maps this photo's pixels onto the reference's, and ``residual`` is
how far (root mean square, in the reference's pixels) the matched points still disagree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hairjournal.core.alignment import Similarity, residual, similarity_transform

VERSION = 1
MAX_POINTS = 3

Point = tuple[float, float]


@dataclass(frozen=True)
class Alignment:
    """How one photo lines up with its reference photo."""

    reference: int
    points: tuple[Point, ...]
    reference_points: tuple[Point, ...]
    transform: Similarity
    residual: float

    @classmethod
    def fit(
        cls, reference: int, points: Sequence[Point], reference_points: Sequence[Point]
    ) -> Alignment:
        """Fit the transform from matched points; raises ValueError if they cannot be used."""
        transform = similarity_transform(points, reference_points)
        return cls(
            reference=reference,
            points=tuple((float(x), float(y)) for x, y in points),
            reference_points=tuple((float(x), float(y)) for x, y in reference_points),
            transform=transform,
            residual=residual(transform, points, reference_points),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": VERSION,
                "reference": self.reference,
                "points": [list(p) for p in self.points],
                "reference_points": [list(p) for p in self.reference_points],
                "transform": self.transform.to_dict(),
                "residual": self.residual,
            }
        )

    @classmethod
    def from_json(cls, text: str | None) -> Alignment | None:
        """The alignment stored in ``text``; None when there is none or it cannot be read."""
        if not text:
            return None
        try:
            values: Any = json.loads(text)
            if values.get("version") != VERSION:
                return None
            points = _points(values["points"])
            reference_points = _points(values["reference_points"])
            if len(points) != len(reference_points):
                return None
            return cls(
                reference=int(values["reference"]),
                points=points,
                reference_points=reference_points,
                transform=Similarity.from_dict(values["transform"]),
                residual=float(values["residual"]),
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            return None


def _points(values: Any) -> tuple[Point, ...]:
    points = tuple((float(x), float(y)) for x, y in values)
    if not all(math.isfinite(v) for p in points for v in p):
        raise ValueError("points must be finite")
    return points


def transform_between(
    first: int, second: int, alignments: Mapping[int, Alignment | None]
) -> Similarity | None:
    """The transform from ``second``'s pixels onto ``first``'s, if their alignments connect.

    Each photo may be aligned to one reference, which may itself be aligned to another; the
    two chains are followed to a photo they share. None if they share none.
    """
    to_ancestor = _chain(second, alignments)
    transform = Similarity.identity()
    seen: set[int] = set()
    photo: int | None = first
    while photo is not None and photo not in seen:
        if photo in to_ancestor:
            return to_ancestor[photo].then(transform.inverse())
        seen.add(photo)
        alignment = alignments.get(photo)
        if alignment is None:
            return None
        transform = transform.then(alignment.transform)
        photo = alignment.reference
    return None


def _chain(photo: int, alignments: Mapping[int, Alignment | None]) -> dict[int, Similarity]:
    """Each photo on ``photo``'s chain of references, with the transform from ``photo`` to it."""
    chain = {photo: Similarity.identity()}
    transform = chain[photo]
    alignment = alignments.get(photo)
    while alignment is not None and alignment.reference not in chain:
        transform = transform.then(alignment.transform)
        chain[alignment.reference] = transform
        alignment = alignments.get(alignment.reference)
    return chain
