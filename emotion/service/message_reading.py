"""What the service reads from one message alone, as the first turn of a conversation: the text
modality's reading and the turn's (the graph's, fused), the pipeline of emotion/service/turns.py
without a session or the mood log. ``emobot evaluate text-messages`` scores it."""
from __future__ import annotations

from emotion.service.analysis import Analyzer
from emotion.service.context import fuse_in_context
from emotion.settings import Settings


class MessageReader:
    """Loads the text models once (``Settings``: text only, no crisis model, no warm-up)."""

    def __init__(self, multilingual_text: bool = True):
        self.settings = Settings(modalities=["text"], crisis_detector=False, warm_up=False,
                                 multilingual_text=multilingual_text)
        self.analyzer = Analyzer.load(self.settings)

    def read(self, text: str) -> tuple[list[float], str]:
        """(the text modality's probabilities (7,) over ``emotion.labels.LABELS``, the turn's label)."""
        analysis = self.analyzer.analyse(text, None, [])
        output = next(o for o in analysis.outputs if o.modality == "text")
        graph = self.analyzer.context
        context = (graph.read(analysis.outputs, text, "reader", "message", 0, past=[], speaker_last=None)
                   if graph is not None else None)
        return output.probs, fuse_in_context(analysis.outputs, context, self.settings.fusion_weights).label
