"""The emobot web channel for Rasa (text, voice and face input)."""
