"""Speech synthesis with espeak-ng (a Debian package: no Python dependency, no model download)."""
from __future__ import annotations

import asyncio
import shutil

ESPEAK = "espeak-ng"
MAX_TTS_CHARS = 2000  # espeak reads ~15 chars/s: longer replies are cut, seconds of audio otherwise


class SpeechSynthesisError(RuntimeError):
    """espeak-ng is missing or failed."""


async def synthesize(text: str, voice: str = "en", words_per_minute: int = 165,
                     timeout: float = 20.0) -> bytes:
    """``text`` spoken as a mono 16-bit WAV file (22 050 Hz, espeak-ng's native rate).

    The text is passed on stdin, never on the command line, so it cannot become an option.
    """
    binary = shutil.which(ESPEAK)
    if binary is None:
        raise SpeechSynthesisError(f"{ESPEAK} is not installed (apt-get install espeak-ng)")
    proc = await asyncio.create_subprocess_exec(
        binary, "-v", voice, "-s", str(words_per_minute), "--stdin", "--stdout",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        wav, err = await asyncio.wait_for(proc.communicate(text[:MAX_TTS_CHARS].encode()), timeout)
    except asyncio.TimeoutError as exc:
        proc.kill()
        await proc.wait()
        raise SpeechSynthesisError(f"{ESPEAK} took longer than {timeout} s") from exc
    if proc.returncode != 0 or not wav.startswith(b"RIFF"):
        raise SpeechSynthesisError(f"{ESPEAK} failed ({proc.returncode}): {err.decode(errors='replace')[:200]}")
    return _with_sizes(wav)


def _with_sizes(wav: bytes) -> bytes:
    """Write the real RIFF and data sizes: espeak-ng streaming to stdout leaves them at 0x7ffff...."""
    if len(wav) < 44 or wav[36:40] != b"data":
        return wav
    return (wav[:4] + (len(wav) - 8).to_bytes(4, "little") + wav[8:40]
            + (len(wav) - 44).to_bytes(4, "little") + wav[44:])
