"""Face training data: the camera augmentation and the feature cache of augmented copies."""
from pathlib import Path

import numpy as np
from PIL import Image

from emotion.conditions.image import camera
from emotion.data.faces import extract_features


class RecordingLandmarks:
    """Stands in for FaceLandmarks: records each image it is given and finds no face."""

    def __init__(self) -> None:
        self.seen: list[np.ndarray] = []

    def extract(self, rgb: np.ndarray):
        self.seen.append(np.asarray(rgb).copy())
        return None


def face_images(folder: Path, n: int = 3) -> list[Path]:
    rng = np.random.default_rng(1)
    paths = []
    for i in range(n):
        path = folder / f"{i}.png"
        Image.fromarray(rng.integers(0, 256, (48, 48, 3), dtype=np.uint8)).save(path)
        paths.append(path)
    return paths


def test_camera_degrades_an_image_the_same_way_for_the_same_seed() -> None:
    image = Image.fromarray(np.random.default_rng(0).integers(0, 256, (48, 48, 3), dtype=np.uint8))
    a, b = camera(image, np.random.default_rng(5)), camera(image, np.random.default_rng(5))
    assert a.size == image.size and a.mode == "RGB"
    assert np.array_equal(np.asarray(a), np.asarray(b))
    assert not np.array_equal(np.asarray(a), np.asarray(image))


def test_augmented_copies_are_read_through_the_condition_and_cached_apart(tmp_path: Path) -> None:
    paths, cache = face_images(tmp_path), tmp_path / "cache"
    plain, copy = RecordingLandmarks(), RecordingLandmarks()
    extract_features(paths, plain, cache, log_every=0)
    extract_features(paths, copy, cache, log_every=0, augment=("camera", camera, 7))
    assert len(plain.seen) == len(copy.seen) == 3  # the copy was not answered from the plain cache
    assert all(not np.array_equal(a, b) for a, b in zip(plain.seen, copy.seen))
    assert len(list(cache.glob("*.npz"))) == 2
    again = RecordingLandmarks()
    extract_features(paths, again, cache, log_every=0, augment=("camera", camera, 7))
    assert again.seen == []  # cached
    other_seed = RecordingLandmarks()
    extract_features(paths, other_seed, cache, log_every=0, augment=("camera", camera, 8))
    assert len(other_seed.seen) == 3
