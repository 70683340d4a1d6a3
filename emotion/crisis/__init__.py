"""Crisis screening: risk language in what people type, per message and across a conversation.

Layers, bottom up (only the first three are imported by the Rasa runtime: stdlib and PyYAML):

    normalise.py     text -> canonical form (case, accents, apostrophes, leetspeak, spaced letters, emoji)
    lexicon.py       clinical warning-sign patterns per category and language, with negation,
                     past-tense, idiom and fiction guards (emotion/config/crisis_lexicon.yaml)
    conversation.py  risk that builds over a person's recent turns (decayed noisy-OR)
    detector.py      the service's calibrated detector: lexicon + sentence-embedding head +
                     character n-gram head, stacked (emotion/checkpoints/crisis.pt)
    multilingual.py  the detector's second opinion on de/fr/es/it/nl/pt windows: a risk head on
                     multilingual-e5 (emotion/checkpoints/crisis_multilingual.npz)
"""
