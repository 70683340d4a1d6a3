"""Per-session, per-speaker emotion tracking across turns."""
from emotion.tracking.state import EmotionReading, TrackedState, track

__all__ = ["EmotionReading", "TrackedState", "track"]
