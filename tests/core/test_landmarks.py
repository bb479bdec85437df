"""A photo's stored alignment: JSON round trip, unreadable content, and chains of references."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from hairjournal.core.alignment import Similarity
from hairjournal.core.landmarks import Alignment, transform_between

REFERENCE_POINTS = ((400.0, 300.0), (3600.0, 500.0), (2000.0, 2700.0))


def aligned_to(reference: int, photo_to_reference: Similarity) -> Alignment:
    """The alignment a person would make by clicking the same three features on both photos."""
    points = photo_to_reference.inverse().apply(REFERENCE_POINTS)
    return Alignment.fit(reference, [tuple(p) for p in points], REFERENCE_POINTS)


def test_fit_and_json_round_trip() -> None:
    known = Similarity(1.05, math.radians(4), -60, 35)
    alignment = aligned_to(7, known)
    assert alignment.residual < 1e-6
    assert alignment.transform.scale == pytest.approx(1.05)
    stored = json.loads(alignment.to_json())
    assert stored["version"] == 1
    assert stored["reference"] == 7
    assert stored["reference_points"] == [list(p) for p in REFERENCE_POINTS]
    assert stored["transform"]["rotation_degrees"] == pytest.approx(4)
    again = Alignment.from_json(alignment.to_json())
    assert again is not None
    assert again.points == alignment.points  # floats survive JSON exactly
    assert again.transform.scale == pytest.approx(alignment.transform.scale)
    assert again.transform.rotation == pytest.approx(alignment.transform.rotation)
    assert (again.transform.tx, again.transform.ty) == pytest.approx((-60, 35))


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "[]",
        "{}",
        '{"version": 2, "reference": 1}',
        '{"version": 1, "reference": 1, "points": [[0, 0]], "reference_points": [], '
        '"transform": {"scale": 1, "rotation_degrees": 0, "translation": [0, 0]}, "residual": 0}',
        '{"version": 1, "reference": 1, "points": [], "reference_points": [], '
        '"transform": {"scale": -1, "rotation_degrees": 0, "translation": [0, 0]}, "residual": 0}',
    ],
)
def test_missing_or_unreadable_landmarks_mean_not_aligned(text: str | None) -> None:
    assert Alignment.from_json(text) is None


def test_transform_between_follows_references_either_way_and_through_a_shared_one() -> None:
    b_to_a = Similarity(0.98, math.radians(-3), 40, -25)
    c_to_a = Similarity(1.03, math.radians(5), -80, 60)
    d_to_c = Similarity(1.0, math.radians(2), 10, 10)
    alignments = {
        1: None,
        2: aligned_to(1, b_to_a),
        3: aligned_to(1, c_to_a),
        4: aligned_to(3, d_to_c),
        5: None,
    }
    points = np.array([[0.0, 0.0], [4000.0, 3000.0], [1234.0, 567.0]])

    def maps(first: int, second: int, expected: Similarity) -> None:
        found = transform_between(first, second, alignments)
        assert found is not None
        assert np.allclose(found.apply(points), expected.apply(points), atol=1e-6)

    maps(1, 2, b_to_a)
    maps(2, 1, b_to_a.inverse())
    maps(2, 3, c_to_a.then(b_to_a.inverse()))
    maps(1, 4, d_to_c.then(c_to_a))
    maps(4, 2, b_to_a.then(c_to_a.inverse()).then(d_to_c.inverse()))
    maps(3, 3, Similarity.identity())
    assert transform_between(1, 5, alignments) is None
    assert transform_between(5, 2, alignments) is None


def test_a_loop_of_references_ends() -> None:
    one_way = Similarity(1.0, 0.1, 5, 5)
    alignments = {1: aligned_to(2, one_way), 2: aligned_to(1, one_way.inverse()), 3: None}
    assert transform_between(3, 1, alignments) is None
    found = transform_between(1, 2, alignments)
    assert found is not None
    assert np.allclose(found.apply([[10, 20]]), one_way.inverse().apply([[10, 20]]))
