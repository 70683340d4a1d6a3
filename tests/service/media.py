"""Real media files for the fuzz tests, made here from one RAVDESS utterance and one face photo
of shared/data (nothing is copied into the repo), and a Hypothesis strategy that damages them.

``audio_files()``: container name -> bytes of the same ~3.6 s utterance as wav, flac,
ogg-vorbis, ogg-opus, webm-opus, mp3 and m4a (AAC). ``image_files()``: format -> bytes of the
same 250x250 face as JPEG (with an EXIF orientation), PNG, WEBP, GIF and BMP.
"""
from __future__ import annotations

import io
import sys
from functools import lru_cache

import av
import numpy as np
import soundfile as sf
from hypothesis import strategies as st
from PIL import Image

from tests.service.conftest import DATA

SPEECH = DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-05-02-01-01-01.wav"  # angry, 16 kHz
FACE = DATA / "facial_expressions_muxspace" / "images" / "Adam_Sandler_0004.jpg"


def encode_with_av(samples: np.ndarray, container: str, codec: str, rate: int) -> bytes:
    """(T,) float32 at 16 kHz -> a compressed file made with PyAV/FFmpeg."""
    buf = io.BytesIO()
    with av.open(buf, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray((samples[None, :] * 32767).astype(np.int16), format="s16", layout="mono")
        frame.sample_rate = 16_000
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        for converted in resampler.resample(frame):
            out.mux(stream.encode(converted))
        out.mux(stream.encode(None))
    return buf.getvalue()


@lru_cache(maxsize=1)
def audio_files() -> dict[str, bytes]:
    assert SPEECH.exists(), f"shared data not found: {SPEECH} (../shared must sit beside the repo)"
    speech, rate = sf.read(SPEECH, dtype="float32")
    files = {}
    for name, fmt in (("wav", "WAV"), ("flac", "FLAC"), ("ogg-vorbis", "OGG")):
        buf = io.BytesIO()
        sf.write(buf, speech, rate, format=fmt)
        files[name] = buf.getvalue()
    for name, (container, codec, out_rate) in {"ogg-opus": ("ogg", "libopus", 48_000),
                                                "webm-opus": ("webm", "libopus", 48_000),
                                                "mp3": ("mp3", "libmp3lame", 16_000),
                                                "m4a": ("mp4", "aac", 16_000)}.items():
        files[name] = encode_with_av(speech, container, codec, out_rate)
    return files


@lru_cache(maxsize=1)
def image_files() -> dict[str, bytes]:
    assert FACE.exists(), f"shared data not found: {FACE} (../shared must sit beside the repo)"
    face = Image.open(FACE).convert("RGB")
    files = {}
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees
    for fmt, args in (("JPEG", {"exif": exif.tobytes()}), ("PNG", {}), ("WEBP", {}), ("GIF", {}), ("BMP", {})):
        buf = io.BytesIO()
        face.save(buf, format=fmt, **args)
        files[fmt] = buf.getvalue()
    return files


@st.composite
def damaged(draw: st.DrawFn, files: dict[str, bytes], header_bytes: int = 256) -> bytes:
    """One of ``files``, intact, cut short, with a few bytes overwritten (mostly in the header,
    where the sizes, rates and dimensions are), or with bytes inserted."""
    data = bytearray(files[draw(st.sampled_from(sorted(files)))])
    how = draw(st.sampled_from(["intact", "truncated", "overwritten", "inserted"]))
    if how == "truncated":
        del data[draw(st.integers(0, len(data) - 1)):]
    elif how == "overwritten":
        for _ in range(draw(st.integers(1, 8))):
            end = min(len(data), header_bytes) if draw(st.booleans()) else len(data)
            data[draw(st.integers(0, end - 1))] = draw(st.integers(0, 255))
    elif how == "inserted":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


def hide_broken_lazy_modules() -> None:
    """Drop speechbrain's lazy module proxies whose target cannot be imported (k2, flair...) from
    ``sys.modules``. Hypothesis scans ``sys.modules`` for constants with ``getattr(module,
    "__file__")``, and those proxies raise ImportError there instead of AttributeError
    (speechbrain/speechbrain#2995), which fails any Hypothesis test run after speechbrain was
    imported. Call it before a test module's Hypothesis tests, after speechbrain is imported."""
    importutils = sys.modules.get("speechbrain.utils.importutils")
    if importutils is None:
        return
    for name, module in list(sys.modules.items()):
        if isinstance(module, importutils.LazyModule):
            try:
                getattr(module, "__file__", None)
            except ImportError:
                del sys.modules[name]
