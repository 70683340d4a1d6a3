"""The supervisor dashboard over the mood log: ``uvicorn --factory emotion.dashboard.app:create_dashboard``."""
