# A Rasa 3.6 server with emobot's channels and policies, serving one example bot (BOT).
# Install steps are scripts/install.sh, the same the README's commands and the tests run.
FROM python:3.10-slim-bookworm
ARG BOT=support
ENV EMOBOT_PY310=/usr/local/bin/python3.10 PIP_NO_CACHE_DIR=1 RASA_TELEMETRY_ENABLED=false BOT=${BOT}
RUN apt-get update && apt-get install -y --no-install-recommends curl gcc g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY scripts/install.sh scripts/install.sh
COPY emotion emotion
COPY policies policies
COPY connectors connectors
RUN bash scripts/install.sh rasa
COPY bot bot
COPY docker/endpoints.yml docker/endpoints.yml
RUN .venv-rasa/bin/rasa train --config bot/${BOT}/config.yml --domain bot/${BOT}/domain.yml \
      --data bot/${BOT}/data --out bot/${BOT}/models --fixed-model-name ${BOT}
EXPOSE 5005
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s CMD curl -fsS "http://127.0.0.1:5005/status?token=${EMOBOT_RASA_TOKEN}" || exit 1
# Rasa's HTTP API answers only with $EMOBOT_RASA_TOKEN; /webhooks and /socket.io are the public part
# (the token from the environment, connectors/rasa_run.py: on a command line every user of the host reads it)
CMD : "${EMOBOT_RASA_TOKEN:?set EMOBOT_RASA_TOKEN}" && exec .venv-rasa/bin/python -m connectors.rasa_run run --enable-api --interface 0.0.0.0 --port 5005 -m bot/${BOT}/models/${BOT}.tar.gz \
    --credentials bot/${BOT}/credentials.yml --endpoints docker/endpoints.yml
