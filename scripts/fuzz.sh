#!/usr/bin/env bash
# Randomised fuzzing, outside the (deterministic) suite: Schemathesis against a real emobot serve
# and Hypothesis on the media decoders, with fresh random inputs each run. Run it before stopping;
# a failure it finds becomes a fixed regression case in tests/service/.
#   bash scripts/fuzz.sh [pytest args]      e.g. bash scripts/fuzz.sh -x
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh service || exit 1
export EMOBOT_FUZZ_RANDOM=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PYTHONDONTWRITEBYTECODE=1
exec .venv/bin/python -m pytest tests/service/test_api_fuzz.py tests/service/test_decoder_fuzz.py -p no:cacheprovider "$@"
