"""Word error rate of voice messages in other languages: German, French, Spanish, Italian, Dutch and
Portuguese sentences (data/voice/asr_sentences.yml) spoken by espeak-ng, recognised as the service
does for a page in that language (multilingual Whisper base told the language: emotion/whisper.py),
and, for comparison, by tiny.en as before the sixth exploratory reading's H6 fix.

    .venv/bin/python benchmarks/asr_languages.py [--sentences data/voice/asr_sentences.yml] [--rate 140]

espeak-ng's voices are robotic (its Spanish most of all): the figures bound what a real voice gets
from below, and say whether the words of another language come back at all.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from benchmarks.asr import edit_distance  # noqa: E402
from emotion.audio import decode_audio  # noqa: E402
from emotion.service.routes.speech import WhisperRecognizer  # noqa: E402


def words(text: str) -> list[str]:
    """Lower-cased words of any alphabet, without punctuation ("J'ai envie" -> ["j", "ai", "envie"])."""
    return re.findall(r"[^\W_]+", text.lower().replace("’", "'"))


def spoken(text: str, voice: str, rate: int) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "s.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), text], check=True)
        return wav.read_bytes()


def wer(pairs: list[tuple[str, str]]) -> float:
    """(reference, hypothesis) pairs -> word error rate."""
    errors = sum(edit_distance(words(ref), words(hyp)) for ref, hyp in pairs)
    return errors / max(1, sum(len(words(ref)) for ref, _ in pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=Path, default=REPO / "data" / "voice" / "asr_sentences.yml")
    parser.add_argument("--rate", type=int, default=140, help="espeak-ng words per minute")
    args = parser.parse_args()
    recognizer = WhisperRecognizer()
    print(f"{'language':10}{'sentences':>10}{'WER (its language)':>20}{'WER (tiny.en)':>16}")
    for lang, texts in yaml.safe_load(args.sentences.read_text(encoding="utf-8")).items():
        own, english = [], []
        for text in texts:
            clip = decode_audio(spoken(text, lang, args.rate), filename="s.wav", max_duration_s=30.0)
            wave, rate = clip.waveform.numpy(), clip.sample_rate
            own.append((text, recognizer.transcribe(wave, rate, lang).text))
            english.append((text, recognizer.transcribe(wave, rate, "en").text))
        print(f"{lang:10}{len(texts):>10}{wer(own):>20.3f}{wer(english):>16.3f}")


if __name__ == "__main__":
    main()
