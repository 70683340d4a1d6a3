"""Derived affective states for the emotion service: crisis risk, distress, tutoring affect.

    from emotion.affect import AffectModel
    model = AffectModel.load()
    model.derive("I don't get it", state=None, cues={"wrong_in_a_row": 2})
    # {"crisis": {"risk": .., "flag": False, "matched": []}, "distress": ..,
    #  "tutoring": {"confusion": .., "frustration": .., "boredom": .., "engagement": .., "cues": [...]}}
"""
from emotion.affect.model import AffectModel, noisy_or
from emotion.affect.patterns import match_risk

__all__ = ["AffectModel", "match_risk", "noisy_or"]
