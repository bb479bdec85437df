"""Scalp-like demo photos: generated 12-megapixel JPEGs in which thinning hair fills in.

Each region is a fixed scene (follicles, a few moles to line photos up by) seen through a
camera that never sits quite where it did last month: a slight shift, turn and change of
distance, as with real repeat photos. A follicle shows a hair once the region's density at
that spot passes the follicle's own threshold, so hairs stay where they were and new ones
join them, thin and light at first, as treatment takes hold. Everything follows the seed.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from hairjournal.core.enums import ScalpRegion
from hairjournal.services.demo_scenes import SCENES, Scene
from hairjournal.services.photo_decode import (
    DATE_TIME_ORIGINAL,
    EXIF_IFD,
    PreparedPhoto,
    RefusedPhoto,
    prepare_photo,
)
from hairjournal.services.photo_import import worker_context
from hairjournal.store.photos import add_photo

SIZE = (4000, 3000)
REGIONS = (
    ScalpRegion.VERTEX,
    ScalpRegion.MIDLINE_PART,
    ScalpRegion.FRONTAL,
    ScalpRegion.TEMPORAL_LEFT,
)
QUALITY = 85
IMPORTED_AFTER = dt.timedelta(minutes=12)
POINTS_PER_HAIR = 6
MOLE_CLEARING = 2.5  # no hair lies closer to a mole than this many radii
MAKE, MODEL, SOFTWARE = 0x010F, 0x0110, 0x0131


@dataclass(frozen=True)
class DemoPhoto:
    """One photo to generate: which scene, how far treatment has come, and when it was taken."""

    region: ScalpRegion
    seed: int
    month: int
    recovery: float  # 0 before treatment helps, 1 at its fullest effect
    taken_at: dt.datetime

    @property
    def file_name(self) -> str:
        return f"IMG_{self.taken_at:%Y%m%d_%H%M%S}.jpg"


@dataclass(frozen=True)
class Camera:
    """Where the phone was this time: a similarity about the middle of the frame."""

    scale: float
    rotation: float  # radians
    shift: tuple[float, float]

    @classmethod
    def drawn(cls, rng: np.random.Generator) -> Camera:
        return cls(
            scale=float(rng.uniform(0.96, 1.04)),
            rotation=math.radians(float(rng.uniform(-4.0, 4.0))),
            shift=(float(rng.uniform(-90, 90)), float(rng.uniform(-70, 70))),
        )

    def apply(self, x: np.ndarray, y: np.ndarray, size: tuple[int, int]) -> tuple[np.ndarray, ...]:
        """Scene points (in a frame of ``SIZE``) as pixels of a photo of ``size``."""
        cx, cy = SIZE[0] / 2, SIZE[1] / 2
        zoom = self.scale * size[0] / SIZE[0]
        cos, sin = math.cos(self.rotation), math.sin(self.rotation)
        dx, dy = x - cx, y - cy
        u = zoom * (cos * dx - sin * dy) + size[0] / 2 + self.shift[0] * size[0] / SIZE[0]
        v = zoom * (sin * dx + cos * dy) + size[1] / 2 + self.shift[1] * size[0] / SIZE[0]
        return u, v


def render(photo: DemoPhoto, size: tuple[int, int] = SIZE) -> Image.Image:
    """The photo's pixels; the same ``photo`` always gives the same image."""
    scene = SCENES[photo.region]
    month_rng = np.random.default_rng([photo.seed, REGIONS.index(photo.region), photo.month])
    camera = Camera.drawn(month_rng)
    zoom = size[0] / SIZE[0]
    image = _skin(scene, month_rng, size)
    draw = ImageDraw.Draw(image)
    _draw_hairs(draw, scene, photo, camera, size)
    for (mx, my), radius, colour in scene.moles:
        (u,), (v,) = camera.apply(np.array([mx]), np.array([my]), size)
        r = radius * camera.scale * zoom
        draw.ellipse((u - r, v - r * 0.8, u + r, v + r * 0.8), fill=colour)
    image = image.filter(ImageFilter.BoxBlur(max(0.5, 0.9 * zoom)))
    return _lighting_and_grain(image, month_rng)


def _skin(scene: Scene, rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """Skin with soft blotches of colour, as a scalp looks close up."""
    width, height = size
    coarse = rng.normal(0.0, 1.0, size=(36, 48, 1)) * np.array(scene.skin_variation)
    base = np.clip(np.array(scene.skin, dtype=np.float64) + coarse, 0, 255).astype(np.uint8)
    return Image.fromarray(base, "RGB").resize((width, height), Image.Resampling.BICUBIC)


def _draw_hairs(
    draw: ImageDraw.ImageDraw,
    scene: Scene,
    photo: DemoPhoto,
    camera: Camera,
    size: tuple[int, int],
) -> None:
    rng = np.random.default_rng([photo.seed, REGIONS.index(photo.region)])
    follicles = scene.follicles
    margin = 450
    x = rng.uniform(-margin, SIZE[0] + margin, follicles)
    y = rng.uniform(-margin, SIZE[1] + margin, follicles)
    threshold = rng.uniform(0.0, 1.0, follicles)
    direction = scene.flow(x, y) + rng.normal(0.0, 0.18, follicles)
    bend = rng.normal(0.0, 0.09, follicles)
    length_jitter = rng.uniform(0.75, 1.25, follicles)
    shade = rng.uniform(0.0, 1.0, follicles)
    density = scene.density(x, y, photo.recovery)
    # How far above its threshold a follicle is: a hair just past it is fine, short and light.
    vigour = np.clip((density - threshold) / 0.3, 0.0, 1.0)
    shown = np.flatnonzero(threshold < density)
    shown = shown[np.argsort(vigour[shown], kind="stable")]  # fine hairs underneath
    zoom = camera.scale * size[0] / SIZE[0]
    steps = np.arange(POINTS_PER_HAIR)[None, :]
    angle = direction[shown, None] + bend[shown, None] * steps
    step = (scene.hair_length * (0.25 + 0.75 * vigour[shown]) * length_jitter[shown])[:, None]
    step = step / (POINTS_PER_HAIR - 1)
    px = x[shown, None] + np.concatenate(
        [np.zeros((len(shown), 1)), np.cumsum(np.cos(angle[:, :-1]) * step, axis=1)], axis=1
    )
    py = y[shown, None] + np.concatenate(
        [np.zeros((len(shown), 1)), np.cumsum(np.sin(angle[:, :-1]) * step, axis=1)], axis=1
    )
    # Hair is parted around each mole, as one would to keep a landmark in view.
    clear = np.ones(len(shown), dtype=bool)
    for (mx, my), radius, _colour in scene.moles:
        clear &= (np.hypot(px - mx, py - my) > MOLE_CLEARING * radius).all(axis=1)
    px, py = px[clear], py[clear]
    shown = shown[clear]
    u, v = camera.apply(px, py, size)
    widths = np.maximum(1, np.rint((1.2 + 3.8 * vigour[shown]) * zoom)).astype(int)
    dark, light = np.array(scene.hair_dark), np.array(scene.hair_light)
    mix = (0.35 + 0.65 * vigour[shown]) * (0.7 + 0.3 * shade[shown])
    colours = np.rint(light + (dark - light) * mix[:, None]).astype(int)
    points = np.stack([u, v], axis=2).tolist()
    taper = POINTS_PER_HAIR // 2  # the last part of a hair is thinner: it tapers to a tip
    for line, width, colour in zip(points, widths.tolist(), colours.tolist(), strict=True):
        fill = tuple(colour)
        draw.line([tuple(p) for p in line[: taper + 1]], fill=fill, width=width)
        draw.line([tuple(p) for p in line[taper:]], fill=fill, width=max(1, width // 2))


def _lighting_and_grain(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A ring light's fall-off towards the corners, and the sensor's fine grain."""
    width, height = image.size
    yy, xx = np.mgrid[0:30, 0:40]
    centre = (20 + rng.uniform(-4, 4), 15 + rng.uniform(-3, 3))
    distance = np.hypot((xx - centre[0]) / 20, (yy - centre[1]) / 15)
    light = np.clip(255 * (1.02 - 0.22 * distance**2), 0, 255).astype(np.uint8)
    falloff = Image.fromarray(light, "L").resize((width, height), Image.Resampling.BICUBIC)
    image = ImageChops.multiply(image, Image.merge("RGB", (falloff,) * 3))
    grain = rng.integers(0, 17, size=(height, width), dtype=np.uint8)
    return ImageChops.add(image, Image.fromarray(grain, "L").convert("RGB"), 1.0, -8)


def write_photo(photo: DemoPhoto, folder: Path, size: tuple[int, int] = SIZE) -> Path:
    """The photo as a camera JPEG with its EXIF date, in ``folder``."""
    exif = Image.Exif()
    exif[MAKE] = "Hair Journal"
    exif[MODEL] = "Demo scalp camera"
    exif[SOFTWARE] = "hairjournal demo"
    exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = photo.taken_at.strftime("%Y:%m:%d %H:%M:%S")
    path = Path(folder) / f"{photo.region.value}-{photo.file_name}"
    render(photo, size).save(path, "JPEG", quality=QUALITY, exif=exif.tobytes())
    return path


def _prepared(photo: DemoPhoto, folder: Path) -> PreparedPhoto:
    """Write the photo and read it back the way an import reads any photo (in a worker)."""
    path = write_photo(photo, folder)
    try:
        prepared = prepare_photo(path)
    finally:
        path.unlink()
    if isinstance(prepared, RefusedPhoto):
        raise RuntimeError(f"a generated demo photo was refused: {prepared.reason}")
    return prepared


def _generated(photos: Sequence[DemoPhoto], workers: int | None) -> Iterator[PreparedPhoto]:
    with (
        tempfile.TemporaryDirectory(prefix="hairjournal-demo-") as folder,
        ProcessPoolExecutor(workers, mp_context=worker_context()) as pool,
    ):
        yield from pool.map(_prepared, photos, [Path(folder)] * len(photos))


def add_demo_photos(photos: Sequence[DemoPhoto], workers: int | None = None) -> int:
    """Generate ``photos`` on every core and store each as an import would; returns how many."""
    stored = 0
    for photo, prepared in zip(photos, _generated(photos, workers), strict=True):
        photo_id = add_photo(
            sha256=prepared.sha256,
            format=prepared.format,
            width=prepared.width,
            height=prepared.height,
            taken_at=prepared.taken_at,
            region=photo.region,
            thumbnail=prepared.thumbnail,
            data=prepared.data,
            original_name=photo.file_name,
            imported_at=prepared.taken_at + IMPORTED_AFTER,  # the same morning: no clock read
        )
        stored += photo_id is not None
    return stored
