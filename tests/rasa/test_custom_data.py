"""customData of a socket.io turn: media as base64 or data: URLs, limits, and what is refused."""
from __future__ import annotations

import base64
import json

import pytest

from connectors.web.custom_data import MediaLimits, TurnProblem, decode_media, parse_custom_data

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(40))
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(200))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_base64_objects_and_data_urls_become_uploads_and_leave_the_metadata() -> None:
    custom = parse_custom_data({
        "audio": {"data": b64(WAV), "mime": "audio/wav"},
        "images": [{"data": b64(JPEG), "mime": "image/jpeg"}, f"data:image/png;base64,{b64(JPEG)}"],
        "user_id": "ana", "speaker_id": "ana-voice", "page": "demo",
    })
    assert custom.audio == ("turn.wav", WAV, "audio/wav")
    assert custom.images == [("image0.jpg", JPEG, "image/jpeg"), ("image1.png", JPEG, "image/png")]
    assert (custom.user_id, custom.speaker_id) == ("ana", "ana-voice")
    assert custom.metadata == {"user_id": "ana", "speaker_id": "ana-voice", "page": "demo"}
    assert custom.problems == []


def test_browser_recordings_url_safe_and_unpadded_base64_and_a_single_image_are_accepted() -> None:
    url_safe = base64.urlsafe_b64encode(JPEG).decode().rstrip("=")
    custom = parse_custom_data({
        "audio": f"data:audio/webm;codecs=opus;base64,{b64(WAV)}",
        "images": {"data": url_safe, "type": "image/jpeg"},
    })
    assert custom.audio == ("turn.webm", WAV, "audio/webm")
    assert custom.images == [("image0.jpg", JPEG, "image/jpeg")]
    # no type given: the service sniffs the content
    assert decode_media({"data": b64(WAV)}, "audio", 1000) == ("turn.bin", WAV, "application/octet-stream")
    # base64 wrapped into lines (as some encoders write it)
    wrapped = "\n".join(b64(JPEG)[i:i + 76] for i in range(0, len(b64(JPEG)), 76))
    assert decode_media(wrapped, "images[0]", 1000)[1] == JPEG


def test_customdata_may_be_a_json_string_and_may_be_absent() -> None:
    assert parse_custom_data(json.dumps({"page": "x"})).metadata == {"page": "x"}
    assert parse_custom_data(None).metadata == {} and parse_custom_data("").problems == []


@pytest.mark.parametrize("raw", [["not", "an", "object"], "{not json", 42])
def test_customdata_that_is_not_an_object_is_reported(raw: object) -> None:
    custom = parse_custom_data(raw)
    assert [p.code for p in custom.problems] == ["invalid_custom_data"]
    assert custom.metadata == {} and custom.audio is None


@pytest.mark.parametrize("value, code", [
    ({"data": "not base64 at all!", "mime": "audio/wav"}, "invalid_media"),
    ({"data": "QUJD", "mime": "text/plain"}, "invalid_media"),      # wrong type for audio
    ({"data": "", "mime": "audio/wav"}, "invalid_media"),
    ({"mime": "audio/wav"}, "invalid_media"),                         # no data
    ({"data": 12, "mime": "audio/wav"}, "invalid_media"),
    ("data:audio/wav,RIFF", "invalid_media"),                        # a data: URL without ;base64
    ("data:audio/wav;base64,@@@@", "invalid_media"),
])
def test_a_bad_voice_clip_is_left_out_with_a_reason_and_the_rest_is_kept(value: object, code: str) -> None:
    custom = parse_custom_data({"audio": value, "images": [b64(JPEG)], "page": "demo"})
    assert custom.audio is None
    assert custom.problems == [TurnProblem(code, "audio", custom.problems[0].message)]
    assert custom.images == [("image0.bin", JPEG, "application/octet-stream")]
    assert custom.metadata == {"page": "demo"}


def test_limits_refuse_large_media_before_decoding_and_cap_the_number_of_images() -> None:
    limits = MediaLimits(max_audio_bytes=len(WAV), max_image_bytes=len(JPEG) - 1, max_images=2)
    custom = parse_custom_data({"audio": b64(WAV), "images": [b64(JPEG[:10])] * 2 + [b64(JPEG)]}, limits)
    assert custom.audio is not None  # exactly at the limit
    assert len(custom.images) == 2
    assert [(p.code, p.field) for p in custom.problems] == [("too_many_images", "images")]

    custom = parse_custom_data({"audio": b64(WAV + b"x"), "images": [b64(JPEG)]}, limits)
    assert custom.audio is None and custom.images == []
    assert [(p.code, p.field) for p in custom.problems] == [("media_too_large", "audio"),
                                                           ("media_too_large", "images[0]")]
    # an over-long string is refused from its length, without decoding it
    huge = "A" * (4 * 1024 * 1024)
    assert decode_media(huge, "audio", 1024).code == "media_too_large"


def test_limits_come_from_the_credentials_and_size_the_socketio_message() -> None:
    limits = MediaLimits.from_credentials({"max_audio_bytes": 3000, "max_image_bytes": "1500", "bot": "x"})
    assert (limits.max_audio_bytes, limits.max_image_bytes, limits.max_images) == (3000, 1500, 5)
    assert limits.max_message_bytes == 4 * (3000 + 5 * 1500) // 3 + 64 * 1024
    with pytest.raises(ValueError):
        MediaLimits.from_credentials({"max_images": 0})
