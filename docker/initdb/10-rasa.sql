-- Rasa's tracker store lives in its own database beside the mood log.
CREATE DATABASE rasa;
