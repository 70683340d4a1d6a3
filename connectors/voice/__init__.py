"""Voice channel: spoken turns in, text and synthesized speech out."""
