"""Custom actions of the fractions tutor (served by `rasa run actions --actions actions`)."""
