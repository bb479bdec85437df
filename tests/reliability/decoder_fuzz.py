"""Any bytes at all, or a genuine photo damaged where hypothesis picks, given to the decoder.

``prepare_photo`` must answer every one with a photo (whole: its bytes' hash, a JPEG thumbnail)
or a refusal in plain words, and never raise.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from PIL import Image

from hairjournal.services.photo_decode import THUMBNAIL_SIDE, RefusedPhoto, prepare_photo
from tests.reliability.photo_fuzz import REASON_STARTS, FuzzReport, seed_photos

PREFIXES = [
    b"",
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"RIFF\x00\x00\x00\x00WEBP",
    b"\x00\x00\x00\x18ftypheic",
]


@st.composite
def hostile_bytes(draw: st.DrawFn, seeds: dict[str, bytes]) -> bytes:
    """Any bytes (some starting like a photo), or a genuine photo with bytes changed and cut."""
    if draw(st.booleans()):
        return draw(st.sampled_from(PREFIXES)) + draw(st.binary(max_size=2048))
    data = bytearray(draw(st.sampled_from(sorted(seeds.values()))))
    places = st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255))
    for position, value in draw(st.lists(places, max_size=8)):
        data[position] = value
    return bytes(data[: draw(st.integers(1, len(data)))])


def decoded_problem(data: bytes, path: Path) -> str | None:
    """What is wrong with how the decoder answered ``data`` (None: nothing)."""
    path.write_bytes(data)
    result = prepare_photo(path)
    if isinstance(result, RefusedPhoto):
        if result.reason.startswith(REASON_STARTS):
            return None
        return f"refused for an unclear reason: {result.reason!r}"
    if result.sha256 != hashlib.sha256(data).hexdigest() or result.data != data:
        return "the photo kept is not the file's bytes"
    with Image.open(io.BytesIO(result.thumbnail)) as thumbnail:
        thumbnail.load()
        if thumbnail.format != "JPEG" or max(thumbnail.size) > THUMBNAIL_SIDE:
            return f"thumbnail {thumbnail.format} {thumbnail.size}"
    if min(result.width, result.height) < 1:
        return f"a photo of {result.width} x {result.height} pixels"
    return None


def decode_examples(folder: Path, count: int, seed: int) -> FuzzReport:
    """Decode ``count`` hostile byte strings; a crash or a wrong answer ends the run, reported."""
    seeds = seed_photos(folder / "seeds")
    path = folder / "example.jpg"
    report = FuzzReport()

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(hostile_bytes(seeds))
    def decode(data: bytes) -> None:
        report.cases += 1
        problem = decoded_problem(data, path)
        assert problem is None, problem

    try:
        decode()
    except Exception as error:  # hypothesis has shrunk it to the smallest example
        report.crashes += 1
        report.problems.append(f"{type(error).__name__}: {error}")
    return report
