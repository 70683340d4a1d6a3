"""The service's speed machinery: micro-batching, per-stage timings, the text encoder on ONNX
Runtime and the affect embedder on the text encoder's bottom layers give the same readings."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from fastapi.testclient import TestClient

from emotion.affect import AffectModel
from emotion.audio import decode_audio, load_vad
from emotion.encoders.text import TextEncoder
from emotion.service.analysis import Analyzer
from emotion.service.app import create_app
from emotion.service.batching import MicroBatcher
from emotion.settings import Settings

from .fakes import KeywordTextEncoder

TEXTS = ["I am so sad today", "This is great, thank you!", "Why would you do that?", "ok",
         "I can't take this anymore, nothing matters and I feel completely alone. " * 12]


def test_concurrent_callers_share_batches_and_get_their_own_results():
    def double(items: list[int]) -> list[int]:
        time.sleep(0.05)  # a slow model: callers arriving meanwhile queue for the next batch
        if 13 in items:
            raise ValueError("13 is unlucky")
        return [2 * i for i in items]

    for concurrent in (1, 2):
        batcher = MicroBatcher(double, max_size=8, max_concurrent=concurrent)
        results: dict[int, object] = {}

        def call(i: int) -> None:
            try:
                results[i] = batcher(i)
            except ValueError as exc:
                results[i] = exc

        threads = [threading.Thread(target=call, args=(i,)) for i in range(24)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(results[i] == 2 * i for i in range(24) if i != 13)
        assert isinstance(results[13], ValueError)  # only the bad item's caller fails
        assert max(batcher.sizes) > 1 and sum(batcher.sizes.values()) < 24 + 8


def test_a_turn_reports_its_stage_timings(sqlite_url):
    analyzer = Analyzer({"text": KeywordTextEncoder(), "audio": None, "face": None},
                        {"text": "loaded", "audio": "not available: test", "face": "not available: test"},
                        batch_text=True)
    with TestClient(create_app(Settings(database_url=sqlite_url), analyzer)) as client:
        body = client.post("/v1/sessions/t/turns", data={"text": "I am sad", "speaker_id": "u"}).json()
    timings = body["timings_ms"]
    assert {"text_encoder", "analysis", "tracking", "moodlog_write"} <= set(timings)
    assert timings["text_batch"] == 1 and all(v >= 0 for v in timings.values())


def test_a_clip_sent_for_asr_then_with_the_turn_is_decoded_once():
    from tests.service.conftest import DATA

    clip = (DATA / "ravdess_speech_16k" / "Actor_01" / "03-01-05-02-01-01-01.wav").read_bytes()  # 3.7 s
    asr = decode_audio(clip, "a.wav", max_duration_s=30.0)  # as recognition decodes it (the shared VAD)
    timings: dict[str, float] = {}
    turn = decode_audio(clip, "a.wav", vad=load_vad(), max_duration_s=15.0, timings=timings)  # neither limit cuts it
    assert turn is asr and timings["vad"] == 0.0
    cut = decode_audio(clip, "a.wav", vad=load_vad(), max_duration_s=2.0, min_speech_s=0.1)
    assert cut is not asr and cut.notes and cut.notes[0].startswith("clip cut")


@pytest.fixture(scope="module")
def encoders() -> tuple[TextEncoder, TextEncoder]:
    encoder = TextEncoder.load(threads=1)
    return encoder, encoder.on_onnxruntime(threads=1)


def test_onnxruntime_reads_like_torch(encoders):
    torch_encoder, ort_encoder = encoders
    for batch in (TEXTS, TEXTS[:1]):
        a = np.array([o.probs for o in torch_encoder.encode(batch)])
        b = np.array([o.probs for o in ort_encoder.encode(batch)])
        assert np.abs(a - b).max() < 1e-4


def test_affect_on_the_text_encoders_base_derives_as_on_its_own(encoders):
    own = AffectModel.load(threads=1)
    for text_encoder in encoders:
        shared = AffectModel.load(threads=1, text_encoder=text_encoder)
        for text in TEXTS:
            text_encoder.encode([text])  # the turn's text goes through the shared bottom first
            a, b = own.derive(text), shared.derive(text)
            assert a["crisis"]["flag"] == b["crisis"]["flag"]
            assert abs(a["crisis"]["risk"] - b["crisis"]["risk"]) < 1e-4
            assert abs(a["distress"] - b["distress"]) < 1e-4
        batched = shared.read_many(TEXTS + [""], [{}] * (len(TEXTS) + 1))  # as the micro-batch reads them
        for text, one in zip(TEXTS + [""], batched):
            alone = shared.read(text)
            assert one.matched == alone.matched and abs(one.risk - alone.risk) < 1e-4
            assert np.allclose(one.tutoring, alone.tutoring, atol=1e-4)


def test_threads_share_the_tokenizer(encoders):
    _, text_encoder = encoders
    affect = AffectModel.load(threads=1, text_encoder=text_encoder)
    errors: list[BaseException] = []

    def read(k: int) -> None:
        try:
            for text in TEXTS:
                text_encoder.encode([f"{text} {k}"])
                affect.read(f"{text} {k}")
        except BaseException as exc:  # "RuntimeError: Already borrowed" without SerialTokenizer
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
