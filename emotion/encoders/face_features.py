"""The face's features for the expression model: MediaPipe face mesh, blendshapes, head pose and
an aligned grey crop (HOG and a thumbnail), from one image (``FaceLandmarks.extract``).

Per image, MediaPipe's FaceLandmarker (``face_landmarker.task``, sha256-checked) finds up to
``MAX_FACES`` faces; the largest is kept. Its features (``FaceFeatures``):

- ``landmarks`` (478, 3): the mesh, centred on its mean, rotated so the eye line is
  horizontal (roll removed) and divided by the inter-ocular distance (unitless);
- ``blendshapes`` (52,): MediaPipe's expression coefficients in 0..1;
- ``pose`` (3,): yaw, pitch, roll in radians from the facial transformation matrix;
- ``crop`` (64, 64) uint8: the grey face, similarity-aligned on the eye centres, from which a
  HOG descriptor (1764,) and a histogram-equalised 24x24 thumbnail (576,) are taken: landmarks
  alone miss texture such as wrinkles, frowns and teeth;
- ``frame`` (64, 64) uint8: the grey face framed as FER-2013 frames it, unaligned
  (``emotion/encoders/face_members.py``), which the packaged expression models read.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from emotion.encoders.face_members import face_frame
from emotion.files import file_sha256

LANDMARKER_FILE = "face_landmarker.task"
LANDMARKER_SHA256 = "64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff"
MAX_FACES = 4
# Detector/presence thresholds below MediaPipe's 0.5: upscaled 48 px FER-2013 faces are blurry,
# and 0.3 finds ~97% of them against ~80% at 0.5, with no false faces seen on muxspace.
MIN_CONFIDENCE = 0.3
NUM_LANDMARKS = 478
NUM_BLENDSHAPES = 52
# MediaPipe's blendshape order (the order of FaceFeatures.blendshapes).
BLENDSHAPE_NAMES: tuple[str, ...] = (
    "_neutral", "browDownLeft", "browDownRight", "browInnerUp", "browOuterUpLeft",
    "browOuterUpRight", "cheekPuff", "cheekSquintLeft", "cheekSquintRight", "eyeBlinkLeft",
    "eyeBlinkRight", "eyeLookDownLeft", "eyeLookDownRight", "eyeLookInLeft", "eyeLookInRight",
    "eyeLookOutLeft", "eyeLookOutRight", "eyeLookUpLeft", "eyeLookUpRight", "eyeSquintLeft",
    "eyeSquintRight", "eyeWideLeft", "eyeWideRight", "jawForward", "jawLeft", "jawOpen",
    "jawRight", "mouthClose", "mouthDimpleLeft", "mouthDimpleRight", "mouthFrownLeft",
    "mouthFrownRight", "mouthFunnel", "mouthLeft", "mouthLowerDownLeft", "mouthLowerDownRight",
    "mouthPressLeft", "mouthPressRight", "mouthPucker", "mouthRight", "mouthRollLower",
    "mouthRollUpper", "mouthShrugLower", "mouthShrugUpper", "mouthSmileLeft", "mouthSmileRight",
    "mouthStretchLeft", "mouthStretchRight", "mouthUpperUpLeft", "mouthUpperUpRight",
    "noseSneerLeft", "noseSneerRight",
)
CROP_SIZE = 64  # px, side of the aligned grey crop
PIXELS_SIZE = 24  # px, side of the equalised thumbnail used as raw-pixel features
# Mesh indices of the eye corners (image-left eye: 33, 133; image-right eye: 362, 263).
_LEFT_EYE = (33, 133)
_RIGHT_EYE = (362, 263)
# Where the eye centres land in the aligned crop, as fractions of CROP_SIZE.
_CROP_EYES = ((0.32, 0.36), (0.68, 0.36))
# Tight face crops (FER-2013 is 48x48) are too small for the face detector: images whose
# longer side is below this are upscaled to half of it and padded to a square of this side.
_SMALL_IMAGE_SIDE = 256
_HOG = cv2.HOGDescriptor((CROP_SIZE, CROP_SIZE), (16, 16), (8, 8), (8, 8), 9)
FEATURE_SIZES: dict[str, int] = {
    "landmarks": NUM_LANDMARKS * 3,
    "blendshapes": NUM_BLENDSHAPES,
    "pose": 3,
    "hog": int(_HOG.getDescriptorSize()),
    "pixels": PIXELS_SIZE**2,
}


@dataclass(frozen=True)
class FaceFeatures:
    """What the landmarker saw of the largest face in one image (see the module docstring).

    box: (x0, y0, x1, y1) of the mesh in pixels of the detection image; n_faces: faces found.
    """

    landmarks: np.ndarray  # (478, 3) float32, unitless (inter-ocular distance = 1)
    blendshapes: np.ndarray  # (52,) float32, 0..1
    pose: np.ndarray  # (3,) float32, radians
    crop: np.ndarray  # (64, 64) uint8
    box: tuple[float, float, float, float]
    n_faces: int
    frame: np.ndarray  # (64, 64) uint8

    def vector(self, groups: tuple[str, ...]) -> np.ndarray:
        """Concatenate the named feature groups: (sum of FEATURE_SIZES[g],) float32."""
        parts = {
            "landmarks": lambda: self.landmarks.reshape(-1),
            "blendshapes": lambda: self.blendshapes,
            "pose": lambda: self.pose,
            "hog": lambda: hog(self.crop),
            "pixels": lambda: pixels(self.crop),
        }
        return np.concatenate([parts[g]().astype(np.float32) for g in groups])


def hog(crop: np.ndarray) -> np.ndarray:
    """HOG of an aligned (64, 64) uint8 crop: (1764,) float32 (16 px blocks, 8 px cells, 9 bins)."""
    return _HOG.compute(np.ascontiguousarray(crop)).reshape(-1)


def pixels(crop: np.ndarray) -> np.ndarray:
    """Histogram-equalised (24, 24) thumbnail of an aligned crop, flattened: (576,) float32 in 0..1."""
    small = cv2.resize(np.ascontiguousarray(crop), (PIXELS_SIZE, PIXELS_SIZE), interpolation=cv2.INTER_AREA)
    return (cv2.equalizeHist(small).reshape(-1) / 255.0).astype(np.float32)


def detection_image(rgb: np.ndarray) -> np.ndarray:
    """Upscale and pad small images so the face detector finds tight crops: (H', W', 3) uint8."""
    height, width = rgb.shape[:2]
    if max(height, width) >= _SMALL_IMAGE_SIDE:
        return rgb
    inner = _SMALL_IMAGE_SIDE // 2
    scale = inner / max(height, width)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    resized = cv2.resize(rgb, (new_w, new_h), interpolation=cv2.INTER_CUBIC)
    fill = np.median(rgb.reshape(-1, 3), axis=0).astype(np.uint8)
    canvas = np.empty((_SMALL_IMAGE_SIDE, _SMALL_IMAGE_SIDE, 3), dtype=np.uint8)
    canvas[:] = fill
    top, left = (_SMALL_IMAGE_SIDE - new_h) // 2, (_SMALL_IMAGE_SIDE - new_w) // 2
    canvas[top : top + new_h, left : left + new_w] = resized
    return canvas


def _eye_centres(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(2,) pixel centres of the image-left and image-right eyes from (478, >=2) points."""
    return points[list(_LEFT_EYE), :2].mean(0), points[list(_RIGHT_EYE), :2].mean(0)


def normalise_landmarks(points: np.ndarray) -> np.ndarray:
    """(478, 3) pixel-scaled mesh -> centred, roll-free, inter-ocular-distance-scaled mesh."""
    left, right = _eye_centres(points)
    dx, dy = right - left
    iod = math.hypot(dx, dy) or 1.0
    cos, sin = dx / iod, dy / iod  # rotating by -roll maps the eye line onto +x
    rotation = np.array([[cos, sin, 0.0], [-sin, cos, 0.0], [0.0, 0.0, 1.0]])
    centred = points - points.mean(0)
    return (centred @ rotation.T / iod).astype(np.float32)


def aligned_crop(gray: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Similarity-warp a grey (H, W) image so the eye centres land on _CROP_EYES: (64, 64) uint8."""
    left, right = _eye_centres(points)
    (lx, ly), (rx, ry) = ((x * CROP_SIZE, y * CROP_SIZE) for x, y in _CROP_EYES)
    dx, dy = right - left
    src_dist = math.hypot(dx, dy) or 1.0
    scale = math.hypot(rx - lx, ry - ly) / src_dist
    cos, sin = scale * dx / src_dist, scale * dy / src_dist
    rotation = np.array([[cos, sin], [-sin, cos]])  # scale * R(-roll)
    shift = np.array([(lx + rx) / 2, (ly + ry) / 2]) - rotation @ ((left + right) / 2)
    matrix = np.hstack([rotation, shift[:, None]]).astype(np.float64)
    return cv2.warpAffine(gray, matrix, (CROP_SIZE, CROP_SIZE), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _pose(matrix: np.ndarray) -> np.ndarray:
    """(yaw, pitch, roll) in radians from a 4x4 facial transformation matrix."""
    r = np.asarray(matrix, dtype=np.float64)[:3, :3]
    r = r / (np.linalg.norm(r[:, 0]) or 1.0)
    yaw = math.asin(float(np.clip(-r[2, 0], -1.0, 1.0)))
    pitch = math.atan2(r[2, 1], r[2, 2])
    roll = math.atan2(r[1, 0], r[0, 0])
    return np.array([yaw, pitch, roll], dtype=np.float32)


def _area(box: tuple) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _iou(a: tuple, b: tuple) -> float:
    """Intersection over union of two (x0, y0, x1, y1) boxes."""
    inter = _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))
    return inter / (_area(a) + _area(b) - inter or 1.0)


class FaceLandmarks:
    """MediaPipe FaceLandmarker (image mode) behind a lock; close() it, or use ``with``."""

    def __init__(self, task_path: Path):
        from mediapipe.tasks.python import BaseOptions, vision

        if not task_path.is_file():
            raise FileNotFoundError(f"{task_path} is missing: run scripts/install.sh service")
        if file_sha256(task_path) != LANDMARKER_SHA256:
            raise FileNotFoundError(f"{task_path} has the wrong sha256 (expected {LANDMARKER_SHA256})")
        options = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(task_path)),
            running_mode=vision.RunningMode.IMAGE,
            num_faces=MAX_FACES,
            output_face_blendshapes=True,
            output_facial_transformation_matrixes=True,
            min_face_detection_confidence=MIN_CONFIDENCE,
            min_face_presence_confidence=MIN_CONFIDENCE,
        )
        self._landmarker = vision.FaceLandmarker.create_from_options(options)
        self._lock = threading.Lock()

    def extract(self, rgb: np.ndarray) -> FaceFeatures | None:
        """Features of the largest face in an (H, W, 3) uint8 RGB image, or None if no face."""
        import mediapipe as mp

        image = detection_image(rgb)
        height, width = image.shape[:2]
        with self._lock:
            result = self._landmarker.detect(mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(image)))
        if not result.face_landmarks:
            return None
        meshes = [
            np.array([(p.x * width, p.y * height, p.z * width) for p in face], dtype=np.float64)
            for face in result.face_landmarks
        ]
        boxes = [(*m[:, :2].min(0), *m[:, :2].max(0)) for m in meshes]
        best = int(np.argmax([_area(b) for b in boxes]))
        # At low thresholds the landmarker can return the same face twice: count a face only
        # if it overlaps no face kept before it (largest first).
        distinct: list[tuple] = []
        for box in sorted(boxes, key=_area, reverse=True):
            if all(_iou(box, other) < 0.3 for other in distinct):
                distinct.append(box)
        points = meshes[best]
        blendshapes = np.array([c.score for c in result.face_blendshapes[best]], dtype=np.float32)
        pose = _pose(result.facial_transformation_matrixes[best]) if result.facial_transformation_matrixes else np.zeros(3, np.float32)
        gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        x0, y0, x1, y1 = boxes[best]
        return FaceFeatures(
            landmarks=normalise_landmarks(points),
            blendshapes=blendshapes,
            pose=pose,
            crop=aligned_crop(gray, points),
            box=(float(x0), float(y0), float(x1), float(y1)),
            n_faces=len(distinct),
            frame=face_frame(gray, boxes[best]),
        )

    def close(self) -> None:
        self._landmarker.close()

    def __enter__(self) -> "FaceLandmarks":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
