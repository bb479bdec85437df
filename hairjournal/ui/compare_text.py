"""The words of the compare view: photo choices, captions, alignment status and the honest note."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from hairjournal.core.alignment import Similarity
from hairjournal.core.landmarks import Alignment
from hairjournal.store.photos import PhotoInfo
from hairjournal.ui.date_text import day_text

# Evidence README section 3: dermatologists needed a 22.7 % difference in density to tell two
# global photographs apart (Buontempo et al.); patients about 22.8 % (Oh et al. 2025).
NOTE = (
    "Photos show change only once it is large: even dermatologists needed about a 22 % "
    "difference in density to tell two photos apart. A smaller change may not be visible here "
    "and can still show in your counts and clinic figures."
)


def photo_name(info: PhotoInfo) -> str:
    """'the vertex (crown) photo of 3 Mar 2026'."""
    return f"the {info.region.label.lower()} photo of {day_text(info.taken_at.date())}"


def date_choices(photos: Sequence[PhotoInfo]) -> list[tuple[str, int]]:
    """Each photo by its day, with the time where one day has several."""
    days = [info.taken_at.date() for info in photos]
    return [
        (
            day_text(info.taken_at.date())
            + (f", {info.taken_at:%H:%M}" if days.count(info.taken_at.date()) > 1 else ""),
            info.id,
        )
        for info in photos
    ]


def _elapsed(days: int) -> str:
    later = "later" if days >= 0 else "earlier"
    days = abs(days)
    if days == 0:
        return "the same day"
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''} {later}"
    if days < 60:
        return f"{round(days / 7)} weeks {later}"
    months = round(days / 30.44)
    if months < 24:
        return f"{months} months {later}"
    return f"{days / 365.25:.1f} years {later}"


def captions(first: PhotoInfo, second: PhotoInfo) -> tuple[str, str]:
    """('Before · 12 Mar 2026', 'After · 8 Nov 2026, 8 months later')."""
    elapsed = _elapsed((second.taken_at.date() - first.taken_at.date()).days)
    return (
        f"Before · {day_text(first.taken_at.date())}",
        f"After · {day_text(second.taken_at.date())}, {elapsed}",
    )


def empty_text(photos: Sequence[PhotoInfo]) -> str:
    """Why there is nothing to compare in the region shown."""
    if not photos:
        return (
            "No photos to compare yet. Import photos of one region of your scalp taken on "
            "different days, and they can be compared here: side by side, with a wipe, or one "
            "over the other."
        )
    only = photos[0]
    return (
        f"Only one photo of the {only.region.label.lower()} so far "
        f"({day_text(only.taken_at.date())}). The comparison starts with the second."
    )


def alignment_text(
    first: int,
    second: int,
    alignments: Mapping[int, Alignment | None],
    transform: Similarity | None,
) -> str:
    """Whether and how the later photo is lined up with the earlier one, in plain words."""
    if first == second:
        return "The same photo is chosen twice; choose another for Before or After."
    if transform is None:
        return (
            "Not lined up: where the photos differ in position, angle or distance, the wipe and "
            "the overlay show that as change. Use Align… (4) to match them by two or three "
            "landmarks."
        )
    moved = (
        f"moved {math.hypot(transform.tx, transform.ty):.0f} px, turned "
        f"{abs(transform.rotation_degrees):.1f}° and scaled to {transform.scale * 100:.0f} %"
    )
    direct = alignments.get(second)
    if direct is not None and direct.reference == first:
        points = len(direct.points)
        agree = f"; they agree within {max(1, round(direct.residual))} px" if points > 2 else ""
        return (
            f"Lined up by {points} matching points{agree}: the later photo is {moved} in the "
            "wipe and the overlay. Align… again to adjust."
        )
    return f"Lined up through other photos' alignments: the later photo is {moved}."
