"""The emotion service: a FastAPI app that analyses turns and keeps the mood log."""
