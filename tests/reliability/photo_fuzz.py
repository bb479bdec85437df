"""Hostile photo files: real JPEG, PNG, WebP and HEIC files cut, flipped, spliced and inflated.

``hostile_photos`` writes a folder of them, seeded, together with the awkward things a person
can drop on the window (an empty file, a link, a folder or a pipe named like a photo, a file
too large to be a photo, another image format). ``import_through_command`` imports them with
``hairjournal add-photos`` in its own process and checks what a person relies on: the process
ends, every file is named with an outcome, a refused file with its reason, and the journal
holds exactly the photos reported imported, each whole.
(``decoder_fuzz`` checks the decoder one byte string at a time.)
"""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from hairjournal.store.journal import open_journal
from tests.photo_files import write_image, write_jpeg, write_png_bomb
from tests.reliability.journal_state import blob, read_state

MUTATIONS = ("truncate", "flip_bits", "overwrite", "insert", "delete", "splice", "dimensions")
# How a refusal may begin (services.photo_decode and services.photo_import).
REASON_STARTS = ("is ", "cannot be read", "claims to be larger", "needs more memory", "could not")
REGION = ("--region", "vertex")
HANG_LIMIT_S = 600  # the import of a few thousand small files takes seconds; this is a hang
SEED_FORMATS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP", "heic": "HEIF"}


@dataclass(frozen=True)
class HostileFile:
    path: Path
    what: str  # how it was made, for the failure message
    expected: str | None = None  # words its refusal must contain, where that is certain
    given: Path | None = None  # what is named on the command line, if not the file itself


@dataclass
class FuzzReport:
    """How many files went in, what came out, and what was wrong."""

    cases: int = 0
    imported: int = 0
    refused: int = 0
    crashes: int = 0
    hangs: int = 0
    problems: list[str] = field(default_factory=list)


def seed_photos(folder: Path) -> dict[str, bytes]:
    """Small genuine photos of each format, by suffix."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {"jpg": write_jpeg(folder / "seed.jpg", (96, 72), seed=1, orientation=6)}
    for suffix in ("png", "webp", "heic"):
        made[suffix] = write_image(folder / f"seed.{suffix}", SEED_FORMATS[suffix], (80, 60), 2)
    return {suffix: path.read_bytes() for suffix, path in made.items()}


def claiming_size(data: bytes, side: int) -> bytes:
    """The same file, its header claiming ``side`` x ``side`` pixels."""
    out = bytearray(data)
    if data.startswith(b"\x89PNG"):
        struct.pack_into(">II", out, 16, side, side)
        struct.pack_into(">I", out, 29, zlib.crc32(bytes(out[12:29])) & 0xFFFFFFFF)
    elif data.startswith(b"\xff\xd8"):
        for marker in (b"\xff\xc0", b"\xff\xc2", b"\xff\xc1"):
            at = data.find(marker)
            if at > 0:
                struct.pack_into(">HH", out, at + 5, min(side, 0xFFFF), min(side, 0xFFFF))
                break
    elif data[8:12] == b"WEBP":
        at = data.find(b"VP8X")
        if at > 0:
            out[at + 12 : at + 18] = min(max(side - 1, 0), 0xFFFFFF).to_bytes(3, "little") * 2
        at = data.find(b"\x9d\x01\x2a")
        if at > 0:
            struct.pack_into("<HH", out, at + 3, min(side, 0x3FFF), min(side, 0x3FFF))
    else:
        at = data.find(b"ispe")
        if at > 0:
            struct.pack_into(">II", out, at + 8, side, side)
    return bytes(out)


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> tuple[str, bytes]:
    """One damaged copy of ``data``, and what was done to it."""
    kind = rng.choice(MUTATIONS)
    size = len(data)
    # Headers hold what decoders trust most: aim half the damage at the first bytes.
    at = rng.randrange(min(size, 512)) if rng.random() < 0.5 else rng.randrange(size)
    out = bytearray(data)
    if kind == "truncate":
        return f"cut at byte {at}", bytes(out[:at])
    if kind == "flip_bits":
        flips = [rng.randrange(size) for _ in range(rng.randint(1, 24))]
        for position in flips:
            out[position] ^= 1 << rng.randrange(8)
        return f"{len(flips)} bits flipped", bytes(out)
    span = rng.randint(1, 256)
    if kind == "overwrite":
        out[at : at + span] = rng.randbytes(min(span, size - at))
        return f"{span} random bytes written at {at}", bytes(out)
    if kind == "insert":
        return f"{span} bytes inserted at {at}", bytes(out[:at] + rng.randbytes(span) + out[at:])
    if kind == "delete":
        return f"{span} bytes removed at {at}", bytes(out[:at] + out[at + span :])
    if kind == "splice":
        other = rng.choice(others)
        return f"spliced with another photo at {at}", bytes(out[:at] + other[at:])
    side = rng.choice([0, 1, 16_000, 16_383, 40_000, 65_535, 1_000_000])
    return f"header claims {side} x {side} pixels", claiming_size(data, side)


def _special_files(folder: Path, seeds: dict[str, bytes]) -> list[HostileFile]:
    """What a person can drop on the window besides photos."""
    made: list[HostileFile] = []

    def file(name: str, data: bytes, what: str, expected: str | None = None) -> Path:
        path = folder / name
        path.write_bytes(data)
        made.append(HostileFile(path, what, expected))
        return path

    file("empty.jpg", b"", "zero bytes", "is empty (0 bytes)")
    file("notes.jpg", b"Shedding: 80, 95\n", "text named .jpg", "not an image")
    file("noise.heic", random.Random(7).randbytes(5000), "random bytes", "not an image")
    file("png-named.jpg", seeds["png"], "a PNG named .jpg")
    file("jpeg-named.heic", seeds["jpg"], "a JPEG named .heic")
    file("only-header.jpg", b"\xff\xd8\xff\xe0", "four bytes of a JPEG", None)
    gif = folder / "anim.jpg"
    Image.new("P", (10, 10)).save(gif, "GIF")
    made.append(HostileFile(gif, "a GIF named .jpg", "is a GIF image"))
    bomb = write_png_bomb(folder / "bomb.png")
    made.append(HostileFile(bomb, "a PNG claiming 100,000 x 100,000", "claims to be larger"))
    target = file("target.webp", seeds["webp"], "the target of a link")
    link = folder / "link.jpg"
    link.symlink_to(target)
    made.append(HostileFile(link, "a symbolic link", "is a link"))
    dangling = folder / "dangling.jpg"
    dangling.symlink_to(folder / "nowhere.jpg")
    made.append(HostileFile(dangling, "a link to nothing", "is a link"))
    pipe = folder / "pipe.jpg"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    made.append(HostileFile(pipe, "a named pipe", "is not a file"))
    album = folder / "album.jpg"  # a folder named like a photo: searched, not read as one
    (album / "nested.jpg").mkdir(parents=True)
    inside = album / "inside.jpg"
    inside.write_bytes(seeds["jpg"][: len(seeds["jpg"]) // 2])
    made.append(HostileFile(inside, "a cut photo in a folder named .jpg", "is incomplete", album))
    huge = folder / "huge.jpg"
    with huge.open("wb") as sparse:
        sparse.write(seeds["jpg"][:64])
        sparse.truncate(600 * 1024 * 1024)  # sparse: takes no room on the disk
    made.append(HostileFile(huge, "a 600 MB file", "larger than any photo"))
    return made


def hostile_photos(folder: Path, count: int, seed: int) -> list[HostileFile]:
    """``count`` damaged photos and the special files, written to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seed_photos(folder / "seeds")
    rng = random.Random(seed)
    made = _special_files(folder, seeds)
    for number in range(count):
        suffix = rng.choice(list(seeds))
        what, data = mutate(seeds[suffix], rng, list(seeds.values()))
        path = folder / f"case-{number:05d}.{suffix}"
        path.write_bytes(data)
        made.append(HostileFile(path, f"{suffix.upper()}, {what}"))
    return made


def _outcomes(stdout: str) -> dict[str, str]:
    """Each file's line from ``add-photos``, by file name."""
    found = {}
    for line in stdout.splitlines()[:-1]:  # the last line is the summary
        name, _, outcome = line.partition(": ")
        found[name] = outcome
    return found


def import_through_command(journal: Path, files: list[HostileFile]) -> FuzzReport:
    """Import ``files`` with ``hairjournal add-photos`` and check every outcome and the journal."""
    report = FuzzReport(cases=len(files))
    named = dict.fromkeys(str(hostile.given or hostile.path) for hostile in files)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "hairjournal", "add-photos", str(journal), *named, *REGION],
            capture_output=True,
            text=True,
            timeout=HANG_LIMIT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        report.hangs += 1
        report.problems.append(f"the import did not finish within {HANG_LIMIT_S} s")
        return report
    if run.returncode not in (0, 1) or "Traceback" in run.stderr:
        report.crashes += 1
        report.problems.append(f"the import crashed (exit {run.returncode}): {run.stderr[-2000:]}")
        return report
    outcomes = _outcomes(run.stdout)
    imported: dict[str, Path] = {}
    for hostile in files:
        outcome = outcomes.get(hostile.path.name)
        label = f"{hostile.path.name} ({hostile.what})"
        if outcome is None:
            report.problems.append(f"{label}: no outcome reported")
        elif outcome == "imported":
            imported[hostile.path.name] = hostile.path
        elif outcome.startswith("refused, the file "):
            report.refused += 1
            reason = outcome.removeprefix("refused, the file ")
            if not reason.startswith(REASON_STARTS):
                report.problems.append(f"{label}: refused for an unclear reason: {reason!r}")
            if hostile.expected is not None and hostile.expected not in reason:
                report.problems.append(f"{label}: {reason!r} does not say {hostile.expected!r}")
        elif not outcome.startswith("already in the journal"):
            report.problems.append(f"{label}: unexpected outcome {outcome!r}")
        if hostile.expected is not None and outcome == "imported":
            report.problems.append(f"{label}: imported, but should have been refused")
    report.imported = len(imported)
    report.problems += _journal_problems(journal, imported)
    return report


def _journal_problems(journal: Path, imported: dict[str, Path]) -> list[str]:
    """The journal holds each imported photo whole, and nothing of any other file."""
    with open_journal(journal) as opened:
        integrity = [row[0] for row in opened.db.execute_sql("PRAGMA integrity_check")]
        orphans = opened.db.execute_sql("PRAGMA foreign_key_check").fetchall()
        state, problems = read_state(opened.db)
    problems += [f"integrity_check: {line}" for line in integrity if line != "ok"]
    problems += [f"foreign_key_check: {row}" for row in orphans]
    stored = {row["original_name"]: key for key, row in state["photo"].items()}
    if set(stored) != set(imported):
        problems.append(f"stored {sorted(stored)}, but reported imported {sorted(imported)}")
    for name, key in stored.items():
        if name in imported and state["photo_original"][key]["data"] != blob(
            imported[name].read_bytes()
        ):
            problems.append(f"{name}: the stored original differs from the file")
    return problems
