"""FaceEncoder with the committed checkpoint, the real landmarker and real face photos (muxspace)."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from emotion.types import ModalityInputError
from emotion.encoders.face import CHECKPOINT_FILE, FaceClassifier, FaceEncoder
from emotion.encoders.face_features import LANDMARKER_FILE, FaceLandmarks
from emotion.encoders.face_members import FRAME_SIZE, FrameGeometry, face_frame, load_members, with_members
from emotion.labels import LABELS, NUM_LABELS
from emotion.settings import VENV_MODEL_DIR, checkpoint_root
from tests.service.conftest import DATA

MUX = DATA / "facial_expressions_muxspace" / "images"
HAPPY, SURPRISED = MUX / "Adam_Sandler_0004.jpg", MUX / "Alan_Greenspan_0003.jpg"


def jpeg(image: Image.Image, **save_args) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=92, **save_args)
    return buffer.getvalue()


def face_crop(path: Path) -> Image.Image:
    """The central face region of a 350x350 LFW photo."""
    return Image.open(path).convert("RGB").crop((85, 75, 265, 275))


@pytest.fixture(scope="module")
def encoder():
    loaded = FaceEncoder.load(threads=1)
    yield loaded
    loaded.close()


def test_committed_checkpoint_loads_and_is_small() -> None:
    path = checkpoint_root() / CHECKPOINT_FILE
    assert path.stat().st_size < 10 * 2**20
    model = FaceClassifier.load(path)
    assert model.head.out_features == NUM_LABELS
    assert float(model.temperature) > 0


def test_missing_files_raise_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        FaceEncoder.load(checkpoint_dir=tmp_path)
    fake = tmp_path / LANDMARKER_FILE
    fake.write_bytes(b"not the landmarker")
    with pytest.raises(FileNotFoundError, match="sha256"):
        FaceLandmarks(fake)
    with pytest.raises(FileNotFoundError):
        FaceEncoder.load(model_dir=tmp_path / "nowhere")


def test_real_face_gives_a_distribution_and_an_embedding(encoder: FaceEncoder) -> None:
    out = encoder.encode([HAPPY.read_bytes()])
    assert out.modality == "face"
    assert len(out.probs) == NUM_LABELS and abs(sum(out.probs) - 1) < 1e-5
    assert len(out.embedding) == encoder.classifier.config.hidden
    assert out.notes == []
    assert out.valence_arousal[0] > 0  # a broad smile reads as positive


def test_features_are_normalised_for_pose_and_scale(encoder: FaceEncoder) -> None:
    image = np.asarray(Image.open(HAPPY).convert("RGB"))
    upright = encoder.extract(image)
    turned = encoder.extract(np.asarray(Image.fromarray(image).resize((700, 700)).rotate(20, fillcolor=(128, 128, 128))))
    assert upright is not None and turned is not None
    assert upright.landmarks.shape == (478, 3) and upright.blendshapes.shape == (52,)
    assert np.abs(upright.landmarks.mean(0)).max() < 1e-4
    # Twice the size and rolled by 20 degrees: the normalised mesh barely moves.
    assert np.abs(upright.landmarks[:, :2] - turned.landmarks[:, :2]).mean() < 0.05
    assert abs(np.degrees(turned.pose[2]) - np.degrees(upright.pose[2])) > 10


def test_image_without_a_face_is_no_face(encoder: FaceEncoder) -> None:
    landscape = Image.linear_gradient("L").resize((320, 240)).convert("RGB")
    with pytest.raises(ModalityInputError) as info:
        encoder.encode([jpeg(landscape)])
    assert (info.value.modality, info.value.code) == ("face", "no_face")


def test_only_non_images_is_not_an_image(encoder: FaceEncoder) -> None:
    with pytest.raises(ModalityInputError) as info:
        encoder.encode([b"GIF89a but not really", b"plain text"])
    assert info.value.code == "not_an_image"


def test_snapshots_are_pooled_and_bad_ones_skipped_with_notes(encoder: FaceEncoder) -> None:
    happy, surprised = HAPPY.read_bytes(), SURPRISED.read_bytes()
    landscape = jpeg(Image.linear_gradient("L").resize((320, 240)))
    one, two = encoder.encode([happy]), encoder.encode([surprised])
    pooled = encoder.encode([happy, b"garbage", landscape, surprised])
    np.testing.assert_allclose(pooled.probs, (np.array(one.probs) + np.array(two.probs)) / 2, atol=1e-5)
    np.testing.assert_allclose(pooled.embedding, (np.array(one.embedding) + np.array(two.embedding)) / 2, atol=1e-5)
    assert pooled.notes[0].startswith("image 2 skipped (not_an_image)")
    assert pooled.notes[1] == "image 3 skipped: no face found"
    assert len(pooled.notes) == 2


def test_largest_of_two_faces_is_chosen(encoder: FaceEncoder) -> None:
    canvas = Image.new("RGB", (560, 340), (120, 120, 120))
    canvas.paste(face_crop(SURPRISED).resize((150, 167)), (20, 90))  # small face on the left
    canvas.paste(face_crop(HAPPY).resize((270, 300)), (270, 20))  # large face on the right
    out = encoder.encode([jpeg(canvas)])
    assert out.notes == ["image 1: chose the largest of 2 faces"]
    chosen = encoder.extract(np.asarray(canvas))
    assert chosen is not None and chosen.n_faces == 2
    assert (chosen.box[0] + chosen.box[2]) / 2 > 270  # centre of the chosen face is in the large one


def test_exif_rotated_photo_is_read_upright(encoder: FaceEncoder) -> None:
    # Stored lying on its side; EXIF orientation 8 (rotate 90 degrees anticlockwise) stands it up.
    exif = Image.Exif()
    exif[0x0112] = 8
    sideways = Image.open(HAPPY).convert("RGB").rotate(-90, expand=True)
    out = encoder.encode([jpeg(sideways, exif=exif)])
    np.testing.assert_allclose(out.probs, encoder.encode([jpeg(Image.open(HAPPY))]).probs, atol=0.05)


def test_landmarker_is_checked_and_closes() -> None:
    with FaceLandmarks(VENV_MODEL_DIR / LANDMARKER_FILE) as landmarks:
        assert landmarks.extract(np.full((100, 100, 3), 200, np.uint8)) is None


def test_the_face_frame_is_the_square_fer_2013_frames_a_face_in() -> None:
    gray = np.zeros((200, 300), np.uint8)
    gray[50:150, 100:200] = 255  # the "face": the mesh box (100, 50, 200, 150)
    frame = face_frame(gray, (100.0, 50.0, 200.0, 150.0), FrameGeometry(scale=1.0, lift=0.0))
    assert frame.shape == (FRAME_SIZE, FRAME_SIZE) and frame.dtype == np.uint8
    assert frame.min() == 255  # exactly the box
    wider = face_frame(gray, (100.0, 50.0, 200.0, 150.0), FrameGeometry(scale=2.0, lift=0.0))
    assert 0.2 < (wider == 255).mean() < 0.3  # a quarter of the frame is the box
    lifted = face_frame(gray, (100.0, 50.0, 200.0, 150.0), FrameGeometry(scale=1.0, lift=0.25))
    assert lifted[:8].max() == 0 and lifted[-8:].min() == 255  # the frame moved up: background on top
    edge = face_frame(gray, (0.0, 0.0, 100.0, 100.0), FrameGeometry(scale=1.5, lift=0.1))  # leaves the image
    assert edge.shape == (FRAME_SIZE, FRAME_SIZE)


def test_the_packaged_expression_member_reads_real_faces(encoder: FaceEncoder) -> None:
    assert [m.spec.name for m in encoder.members] == ["mini_xception"]
    member = encoder.members[0]
    happy, surprised = (encoder.extract(np.asarray(Image.open(p).convert("RGB"))) for p in (HAPPY, SURPRISED))
    probs = member(np.stack([happy.frame, surprised.frame]))
    assert probs.shape == (2, NUM_LABELS) and np.allclose(probs.sum(1), 1.0, atol=1e-3)
    assert LABELS[int(probs[0].argmax())] == "joy" and probs[0, LABELS.index("joy")] > 0.5
    wide_eyed = probs[1, LABELS.index("surprise")] + probs[1, LABELS.index("fear")]  # it mixes the two up
    assert wide_eyed > 0.7 and probs[1, LABELS.index("joy")] < 0.1


def test_members_join_the_mlp_by_weighted_geometric_mean(encoder: FaceEncoder) -> None:
    happy = encoder.extract(np.asarray(Image.open(HAPPY).convert("RGB")))
    flat = np.full((1, NUM_LABELS), 1.0 / NUM_LABELS)
    frames = happy.frame[None]
    assert np.allclose(with_members(flat, frames, encoder.members, [0.0]), flat)  # weight 0: the MLP alone
    assert np.allclose(with_members(flat, frames, []), flat)
    member = encoder.members[0](frames)
    assert np.allclose(with_members(flat, frames, encoder.members, [1.0]), member, atol=1e-6)  # a flat MLP defers
    sure_sad = np.eye(NUM_LABELS)[[LABELS.index("sadness")]] * 0.94 + 0.01
    mixed = with_members(sure_sad, frames, encoder.members, [0.75])
    assert np.isclose(mixed.sum(), 1.0) and mixed[0, LABELS.index("joy")] > sure_sad[0, LABELS.index("joy")]


def test_a_missing_or_mislabelled_member_is_refused(tmp_path: Path) -> None:
    spec = {"name": "m", "file": "m.tflite", "size": 64, "pixels": [0, 1], "weight": 1.0,
            "labels": ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]}
    with pytest.raises(FileNotFoundError, match="install.sh"):
        load_members({"members": [spec]}, tmp_path)
    assert load_members({"members": [{**spec, "weight": 0.0}]}, tmp_path) == []  # weight 0: not loaded
    (tmp_path / "m.tflite").write_bytes((VENV_MODEL_DIR / "fer_mini_xception.tflite").read_bytes())
    with pytest.raises(ValueError, match="labels"):
        load_members({"members": [{**spec, "labels": ["anger", "calm", "fear", "joy", "sadness", "surprise", "x"]}]},
                     tmp_path)
