"""Conversation-graph emotion model (utterance nodes, typed temporal edges, speaker personality)."""
