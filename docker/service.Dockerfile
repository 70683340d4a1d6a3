# The emotion service (and the supervisor dashboard: same image, other command).
# Install steps are scripts/install.sh, the same the README's commands and the tests run.
FROM python:3.11-slim-bookworm
ENV EMOBOT_PY311=/usr/local/bin/python3.11 \
    EMOBOT_TORCH_INDEX=https://download.pytorch.org/whl/cpu \
    PIP_NO_CACHE_DIR=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    EMOBOT_HOST=0.0.0.0 EMOBOT_DASHBOARD_HOST=0.0.0.0
RUN apt-get update && apt-get install -y --no-install-recommends curl libgl1 libglib2.0-0 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY scripts/install.sh scripts/install.sh
COPY emotion emotion
COPY policies policies
COPY connectors connectors
RUN bash scripts/install.sh service
EXPOSE 8500 8600
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -fsS http://127.0.0.1:8500/healthz || exit 1
CMD [".venv/bin/emobot", "serve"]
