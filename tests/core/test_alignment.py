"""Similarity transforms: known ones are recovered from matching points, bad input is refused."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hairjournal.core.alignment import Similarity, residual, similarity_transform

scales = st.floats(0.25, 4.0)
angles = st.floats(-math.pi + 1e-6, math.pi)
shifts = st.floats(-2000.0, 2000.0)
similarities = st.builds(Similarity, scales, angles, shifts, shifts)
seeds = st.integers(0, 2**32 - 1)


def spread_points(rng: np.random.Generator, count: int) -> np.ndarray:
    """``count`` points in a 4000 x 3000 photo, at least a fifth of its width apart."""
    while True:
        points = rng.uniform((0, 0), (4000, 3000), size=(count, 2))
        gaps = [
            np.linalg.norm(points[i] - points[j]) for i in range(count) for j in range(i + 1, count)
        ]
        if min(gaps) > 800:
            return points


def angle_gap(a: float, b: float) -> float:
    return abs(math.remainder(a - b, math.tau))


@settings(max_examples=200, deadline=None)
@given(similarities, seeds)
def test_two_points_recover_the_transform_exactly(known: Similarity, seed: int) -> None:
    source = spread_points(np.random.default_rng(seed), 2)
    found = similarity_transform(source, known.apply(source))
    assert found.scale == pytest.approx(known.scale, rel=1e-9)
    assert angle_gap(found.rotation, known.rotation) < 1e-9
    assert (found.tx, found.ty) == pytest.approx((known.tx, known.ty), abs=1e-6)
    assert residual(found, source, known.apply(source)) < 1e-6


@settings(max_examples=200, deadline=None)
@given(similarities, seeds, st.integers(3, 8))
def test_three_or_more_noisy_points_recover_the_transform(
    known: Similarity, seed: int, count: int
) -> None:
    rng = np.random.default_rng(seed)
    source = spread_points(rng, count)
    # Clicks land within a pixel or two of the feature on the photo being matched.
    target = known.apply(source) + rng.normal(0, 1.0, size=(count, 2))
    found = similarity_transform(source, target)
    assert found.scale == pytest.approx(known.scale, rel=0.01)
    assert math.degrees(angle_gap(found.rotation, known.rotation)) < 0.5
    # Wherever it lands inside the photo, a pixel goes within a few pixels of where it should.
    corners = np.array([[0, 0], [4000, 0], [0, 3000], [4000, 3000], [2000, 1500]])
    assert np.abs(found.apply(corners) - known.apply(corners)).max() < 8 * max(1, known.scale)
    assert residual(found, source, target) < 4


def test_least_squares_beats_any_pair_of_the_points() -> None:
    source = np.array([[100.0, 100.0], [3900.0, 200.0], [2000.0, 2900.0]])
    target = Similarity(1.1, 0.2, 30, -40).apply(source) + np.array([[3, 0], [0, -3], [-3, 3]])
    best = residual(similarity_transform(source, target), source, target)
    for keep in ([0, 1], [1, 2], [0, 2]):
        from_pair = similarity_transform(source[keep], target[keep])
        assert best <= residual(from_pair, source, target)


@given(similarities, similarities, seeds)
def test_inverse_and_then_compose_as_functions_do(a: Similarity, b: Similarity, seed: int) -> None:
    points = np.random.default_rng(seed).uniform(-1000, 1000, size=(5, 2))
    assert np.allclose(a.inverse().apply(a.apply(points)), points, atol=1e-6)
    assert np.allclose(a.then(b).apply(points), b.apply(a.apply(points)), atol=1e-6)


@given(similarities)
def test_dict_round_trip(known: Similarity) -> None:
    again = Similarity.from_dict(known.to_dict())
    assert again.scale == pytest.approx(known.scale)
    assert angle_gap(again.rotation, known.rotation) < 1e-9
    assert (again.tx, again.ty) == (known.tx, known.ty)


def test_a_quarter_turn_on_screen() -> None:
    """With y pointing down, a positive rotation turns clockwise on screen."""
    turned = Similarity(1.0, math.pi / 2, 0, 0)
    assert turned.apply([10, 0]) == pytest.approx(np.array([[0, 10]]))
    assert turned.rotation_degrees == pytest.approx(90)


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ([[0, 0]], [[1, 1]], "at least two pairs"),
        ([], [], "at least two pairs"),
        ([[0, 0], [1, 1]], [[0, 0], [1, 1], [2, 2]], "2 source points but 3 target points"),
        ([[5, 5], [5, 5]], [[0, 0], [10, 0]], "source points all fall on one spot"),
        ([[0, 0], [10, 0]], [[7, 7], [7, 7]], "target points all fall on one spot"),
        ([[0, 0], [math.nan, 0]], [[0, 0], [1, 0]], "finite numbers"),
        ([[0, 0, 0], [1, 0, 0]], [[0, 0], [1, 0]], "pairs of x, y"),
        # A mirror image: no turn and scale maps these, only a reflection would.
        ([[0, 0], [1, 0], [0, 1], [1, 1]], [[0, 0], [-1, 0], [0, 1], [-1, 1]], "mirrored"),
    ],
)
def test_degenerate_input_is_refused_with_a_reason(
    source: list[list[float]], target: list[list[float]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        similarity_transform(source, target)


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"scale": 1, "rotation_degrees": 0},
        {"scale": 0, "rotation_degrees": 0, "translation": [0, 0]},
        {"scale": -2, "rotation_degrees": 0, "translation": [0, 0]},
        {"scale": 1, "rotation_degrees": "a", "translation": [0, 0]},
        {"scale": 1, "rotation_degrees": 0, "translation": [0]},
        {"scale": math.inf, "rotation_degrees": 0, "translation": [0, 0]},
    ],
)
def test_from_dict_refuses_what_is_not_a_transform(values: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not a similarity transform"):
        Similarity.from_dict(values)
