"""Camera conditions a user's snapshot goes through, applied to a clean face image.

Each condition maps a PIL RGB image to another (``rng`` draws what the condition leaves open).
Used by ``benchmarks/robustness.py --modality face`` to make transformed copies of a test folder.

    dark      a dim room: pixel values times 0.3
    jpeg20    JPEG at quality 20 (a congested video call)
    small     the image scaled to a quarter of the frame's width and pasted at a random place
              in a 640x480 grey frame (a webcam a metre away)
    roll15    the head tilted: rotated 15 degrees, the corners filled with grey

``camera`` is the training augmentation (``emobot train face``, ``train.camera_copies``): one
random draw of a webcam's losses, wider and looser than any single condition above.
"""
from __future__ import annotations

import io
from typing import Callable

import numpy as np
from PIL import Image

FRAME = (640, 480)
GREY = (128, 128, 128)

ImageCondition = Callable[[Image.Image, np.random.Generator], Image.Image]


def dark(image: Image.Image, factor: float = 0.3) -> Image.Image:
    return Image.fromarray((np.asarray(image, np.float32) * factor).astype(np.uint8))


def jpeg(image: Image.Image, quality: int = 20) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def small(image: Image.Image, rng: np.random.Generator, fraction: float = 0.25) -> Image.Image:
    width = int(FRAME[0] * fraction)
    face = image.resize((width, max(1, round(image.height * width / image.width))), Image.BICUBIC)
    frame = Image.new("RGB", FRAME, GREY)
    frame.paste(face, (int(rng.integers(0, FRAME[0] - face.width + 1)), int(rng.integers(0, FRAME[1] - face.height + 1))))
    return frame


def roll(image: Image.Image, degrees: float = 15.0) -> Image.Image:
    return image.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=GREY)


def camera(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A webcam's losses, drawn at random: half the time the resolution of a face 0.3-1.0 times
    as wide (scaled down and back), brightness times 0.35-1.3, then JPEG at quality 10-60."""
    if rng.random() < 0.5:
        fraction = rng.uniform(0.3, 1.0)
        size = image.size
        image = image.resize((max(8, round(size[0] * fraction)), max(8, round(size[1] * fraction))), Image.BILINEAR)
        image = image.resize(size, Image.BICUBIC)
    image = Image.fromarray(np.clip(np.asarray(image, np.float32) * rng.uniform(0.35, 1.3), 0, 255).astype(np.uint8))
    return jpeg(image, int(rng.integers(10, 61)))


IMAGE_CONDITIONS: dict[str, ImageCondition] = {
    "clean": lambda im, rng: im,
    "dark": lambda im, rng: dark(im),
    "jpeg20": lambda im, rng: jpeg(im, 20),
    "small": lambda im, rng: small(im, rng),
    "roll15": lambda im, rng: roll(im),
}
