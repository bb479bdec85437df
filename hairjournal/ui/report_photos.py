"""The summary's photos: each region's first and latest, lined up as the Compare view does.

Runs on a worker: photos are decoded at print size with ``compare_images`` (QImage only), and
the latest is warped onto the first where stored landmarks connect the two.
"""

from __future__ import annotations

from collections.abc import Callable

from hairjournal.core.enums import ScalpRegion
from hairjournal.core.landmarks import Alignment, transform_between
from hairjournal.services.export_file import Cancelled, check_cancelled
from hairjournal.services.report_figures import PhotoPair
from hairjournal.store import photos as photo_store
from hairjournal.store.photo_landmarks import landmarks as stored_landmarks
from hairjournal.store.photos import PhotoInfo
from hairjournal.ui.compare_images import load_screen_photo, warp_onto
from hairjournal.ui.compare_text import captions
from hairjournal.ui.date_text import day_text

PRINT_SIDE = 1000  # pixels along a photo's longest side: about 300 dpi at half the page width
LINED_UP = (
    "Lined up by landmarks marked in the app: the latest photo is moved, turned and scaled onto "
    "the first, so that what differs is the hair, not the framing."
)
NOT_LINED_UP = (
    "Not lined up: no landmarks connect these two photos, so differences in position, angle or "
    "distance show as change."
)


def first_and_latest() -> list[tuple[PhotoInfo, PhotoInfo]]:
    """Each region's first and latest photo (the same photo where a region has one), in the
    vocabulary's order of regions."""
    by_region: dict[ScalpRegion, list[PhotoInfo]] = {}
    for info in photo_store.photo_list():
        by_region.setdefault(info.region, []).append(info)
    return [
        (by_region[region][0], by_region[region][-1])
        for region in ScalpRegion
        if region in by_region
    ]


def photo_pairs(
    *,
    side: int = PRINT_SIDE,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[PhotoPair, ...]:
    """Every region's pair, decoded; raises ExportCancelled between photos when asked."""
    wanted = first_and_latest()
    pairs = []
    for done, (first, latest) in enumerate(wanted, start=1):
        check_cancelled(cancelled)
        pairs.append(_pair(first, latest, side))
        if progress is not None:
            progress(done, len(wanted))
    return tuple(pairs)


def _pair(first: PhotoInfo, latest: PhotoInfo, side: int) -> PhotoPair:
    region = first.region.label
    before = load_screen_photo(first.id, side)
    if first.id == latest.id:
        return PhotoPair(
            region,
            before.image,
            f"The only photo · {day_text(first.taken_at.date())}",
            note=before.problem or "The comparison starts with a second photo of this region.",
        )
    after = load_screen_photo(latest.id, side)
    before_caption, after_caption = captions(first, latest)
    problems = " ".join(p for p in (before.problem, after.problem) if p)
    stored = stored_landmarks(info.id for info in photo_store.photo_list(first.region))
    alignments = {photo_id: Alignment.from_json(text) for photo_id, text in stored.items()}
    transform = transform_between(first.id, latest.id, alignments)
    after_image = after.image
    if transform is not None and before.image is not None and after.image is not None:
        after_image = warp_onto(before, after, transform)
    note = LINED_UP if transform is not None else NOT_LINED_UP
    return PhotoPair(
        region,
        before.image,
        before_caption,
        after_image,
        after_caption,
        f"{problems} {note}".strip(),
    )
