"""Decode uploaded image bytes into an RGB array, safely.

Uploads are untrusted: anything Pillow cannot identify is ``not_an_image``, and an image that
would decode to more than ``max_pixels`` pixels is refused (``image_too_large``) before any
pixel is decoded: a 140 KB PNG can claim 12000 x 12000 px (3.5 s of CPU and 430 MB to
decode). Large images are shrunk to ``max_side`` pixels; JPEGs are decoded at a reduced DCT
scale first, so a 50-megapixel photo is accepted and never becomes a 150 MB array. EXIF
orientation is applied, so a phone photo taken in portrait comes out upright.
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from emotion.types import ModalityInputError

# Only formats a browser or a camera produces; TIFF, EPS, PSD... are never decoded.
ALLOWED_FORMATS: tuple[str, ...] = ("JPEG", "PNG", "WEBP", "BMP", "GIF")
DEFAULT_MAX_SIDE = 1280
# Pixels decoded at most (after the JPEG DCT scaling): a 24 MP phone photo as PNG, ~0.5 s of CPU.
MAX_DECODED_PIXELS = 24_000_000


@dataclass(frozen=True)
class DecodedImage:
    """rgb: (H, W, 3) uint8, upright; notes: remarks for people (e.g. downscaling)."""

    rgb: np.ndarray
    notes: list[str] = field(default_factory=list)


def decode_image(data: bytes, max_side: int = DEFAULT_MAX_SIDE, modality: str = "face",
                 max_pixels: int = MAX_DECODED_PIXELS) -> DecodedImage:
    """Decode image bytes to an upright RGB uint8 array whose longer side is <= ``max_side``.

    Raises ModalityInputError(modality, "not_an_image") for bytes that are not an image of an
    allowed format (or are truncated, or carry corrupt metadata), and (modality,
    "image_too_large") for images that would decode to more than ``max_pixels`` pixels.
    """
    if not data:
        raise ModalityInputError(modality, "not_an_image", "empty image upload")
    notes: list[str] = []
    try:
        with warnings.catch_warnings():
            # Between MAX_IMAGE_PIXELS and twice that, Pillow only warns: we downscale anyway.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            width, height = image.size
            if max(width, height) > max_side and image.format in ("JPEG", "MPO"):
                # Decode at 1/2, 1/4 or 1/8 scale straight from the DCT coefficients.
                image.draft("RGB", (max_side, max_side))
            if image.size[0] * image.size[1] > max_pixels:  # the size after DCT scaling
                raise ModalityInputError(modality, "image_too_large",
                                         f"image refused: {width}x{height} px would decode to more than "
                                         f"{max_pixels} pixels")
            image.load()
            image = ImageOps.exif_transpose(image)
    except ModalityInputError:
        raise
    except Image.DecompressionBombError as exc:
        raise ModalityInputError(modality, "image_too_large", f"image refused: {exc}") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ModalityInputError(modality, "not_an_image", f"cannot decode image: {exc}") from exc

    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
        notes.append(f"image downscaled from {width}x{height} to {image.size[0]}x{image.size[1]} px")
    return DecodedImage(rgb=_to_rgb(image), notes=notes)


def _to_rgb(image: Image.Image) -> np.ndarray:
    """Any Pillow mode -> (H, W, 3) uint8; transparency is composited onto white."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        # High bit-depth grayscale: stretch to 0..255 rather than clipping at 255.
        gray = np.asarray(image, dtype=np.float32)
        top = float(gray.max()) or 1.0
        gray = np.clip(gray / top * 255.0, 0, 255).astype(np.uint8)
        return np.repeat(gray[:, :, None], 3, axis=2)
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    return np.ascontiguousarray(np.asarray(image.convert("RGB"), dtype=np.uint8))
