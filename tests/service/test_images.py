"""emotion.images.decode_image on real encoded bytes made here with Pillow."""
from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from emotion.types import ModalityInputError
from emotion.images import decode_image


def encode(image: Image.Image, fmt: str = "PNG", **save_args) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [b"", b"hello, I am not an image", b"%PDF-1.4\n" + b"0" * 100])
def test_non_image_bytes_are_not_an_image(data: bytes) -> None:
    with pytest.raises(ModalityInputError) as info:
        decode_image(data)
    assert (info.value.modality, info.value.code) == ("face", "not_an_image")


def test_truncated_jpeg_is_not_an_image() -> None:
    data = encode(Image.new("RGB", (64, 64), (10, 200, 30)), "JPEG")
    with pytest.raises(ModalityInputError) as info:
        decode_image(data[: len(data) // 3])
    assert info.value.code == "not_an_image"


def test_disallowed_format_is_not_an_image() -> None:
    with pytest.raises(ModalityInputError) as info:
        decode_image(encode(Image.new("RGB", (8, 8)), "TIFF"))
    assert info.value.code == "not_an_image"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_huge_image_is_downscaled_with_a_note(fmt: str) -> None:
    image = Image.linear_gradient("L").resize((3000, 2000)).convert("RGB")
    decoded = decode_image(encode(image, fmt), max_side=1280)
    assert decoded.rgb.shape == (853, 1280, 3)
    assert decoded.rgb.dtype == np.uint8
    assert decoded.notes == ["image downscaled from 3000x2000 to 1280x853 px"]


def test_small_image_has_no_note() -> None:
    decoded = decode_image(encode(Image.new("RGB", (640, 480), (1, 2, 3))))
    assert decoded.rgb.shape == (480, 640, 3) and decoded.notes == []
    assert tuple(decoded.rgb[0, 0]) == (1, 2, 3)


def test_decompression_bomb_is_refused_before_decoding() -> None:
    # A PNG whose header claims 30000 x 30000 px (900 MP) but holds no pixel data.
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    with pytest.raises(ModalityInputError) as info:
        decode_image(data)
    assert info.value.code == "image_too_large"


def test_exif_rotation_is_applied() -> None:
    # Stored 40 wide x 20 high: left half red, right half blue. Orientation 6 means "rotate
    # 90 degrees clockwise to display", so the upright image is 20 wide x 40 high, red on top.
    stored = Image.new("RGB", (40, 20), (255, 0, 0))
    stored.paste((0, 0, 255), (20, 0, 40, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    decoded = decode_image(encode(stored, "JPEG", exif=exif, quality=95))
    assert decoded.rgb.shape == (40, 20, 3)
    top, bottom = decoded.rgb[5, 10].astype(int), decoded.rgb[35, 10].astype(int)
    assert top[0] > 200 and top[2] < 60  # red
    assert bottom[2] > 200 and bottom[0] < 60  # blue


def test_grayscale_becomes_three_equal_channels() -> None:
    gray = Image.fromarray(np.tile(np.arange(0, 256, 4, dtype=np.uint8), (10, 1)))
    rgb = decode_image(encode(gray)).rgb
    assert rgb.shape == (10, 64, 3)
    assert (rgb[..., 0] == rgb[..., 1]).all() and (rgb[..., 1] == rgb[..., 2]).all()
    assert rgb[0, 0, 0] == 0 and rgb[0, -1, 0] == 252


def test_sixteen_bit_grayscale_is_stretched_not_clipped() -> None:
    values = np.array([[0, 1000, 4000]], dtype=np.uint16)
    rgb = decode_image(encode(Image.fromarray(values))).rgb
    assert rgb.shape == (1, 3, 3)
    assert list(rgb[0, :, 0]) == [0, 63, 255]


def test_rgba_transparency_is_composited_on_white() -> None:
    rgba = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    rgba.putpixel((1, 1), (200, 10, 10, 255))
    rgb = decode_image(encode(rgba)).rgb
    assert rgb.shape == (4, 4, 3)
    assert tuple(rgb[0, 0]) == (255, 255, 255)
    assert tuple(rgb[1, 1]) == (200, 10, 10)


def test_palette_image_becomes_rgb() -> None:
    palette = Image.new("RGB", (6, 6), (0, 128, 255)).convert("P", palette=Image.Palette.ADAPTIVE)
    rgb = decode_image(encode(palette, "GIF")).rgb
    assert rgb.shape == (6, 6, 3)
    assert tuple(rgb[3, 3]) == (0, 128, 255)
