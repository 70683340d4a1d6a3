"""Custom actions of the support bot (served by `rasa run actions --actions actions`)."""
