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
from emotion.labels import NUM_LABELS
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
