#!/usr/bin/env bash
# Start the emobot demo on this machine: installs what is missing, trains each example bot whose
# model is stale, starts the emotion service and one `rasa run` per bot, prints the URLs, and
# stops everything on Ctrl-C. Embedded defaults: SQLite mood log in var/, loopback ports.
#   EMOBOT_PORT (8500)  emotion service        EMOBOT_RASA_PORT (5005)  first bot; next bots +1
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh all
export RASA_TELEMETRY_ENABLED=false HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export EMOBOT_PORT=${EMOBOT_PORT:-8500}
export EMOBOT_DATABASE_URL=${EMOBOT_DATABASE_URL:-sqlite:///$PWD/var/emobot.sqlite3}
export EMOBOT_SERVICE_URL=${EMOBOT_SERVICE_URL:-http://127.0.0.1:$EMOBOT_PORT}
RASA_PORT=${EMOBOT_RASA_PORT:-5005}
mkdir -p var/log && chmod 700 var/log  # the logs hold every conversation's session id: readable by you only
umask 077

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for() {  # url name seconds (the url goes to curl on stdin: a token in it stays off every command line)
  for _ in $(seq "$3"); do printf 'url = "%s"\n' "$1" | curl -sf --config - >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$2 did not start; see var/log/" >&2; exit 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$EMOBOT_PORT" "${EMOBOT_DASHBOARD_PORT:-8600}"; do
  port_free "$p" || { echo "port $p is in use: stop what runs there or choose other ports (EMOBOT_PORT, EMOBOT_DASHBOARD_PORT, EMOBOT_RASA_PORT)" >&2; exit 1; }
done

bots=()
for dir in bot/*/; do
  [ -f "$dir/domain.yml" ] || continue
  bots+=("$(basename "$dir")")
done

for bot in "${bots[@]}"; do
  args=(--data "bot/$bot/data" --domain "bot/$bot/domain.yml" --config "bot/$bot/config.yml"
        --out "bot/$bot/models" --fixed-model-name "$bot")
  if ! .venv-rasa/bin/rasa train "${args[@]}" --dry-run >/dev/null 2>&1; then
    echo "training bot/$bot (its model is missing or stale)..."
    .venv-rasa/bin/rasa train "${args[@]}" >"var/log/train-$bot.log" 2>&1 \
      || { echo "training bot/$bot failed; see var/log/train-$bot.log" >&2; exit 1; }
  fi
done

# each bot's Rasa port, known before anything starts: the dashboard pushes replies to them
declare -A bot_port
port=$RASA_PORT
for bot in "${bots[@]}"; do bot_port[$bot]=$port; port=$((port + 1)); done
rasa_urls=$(for bot in "${bots[@]}"; do printf '"%s": "http://127.0.0.1:%s",' "$bot" "${bot_port[$bot]}"; done)
export EMOBOT_DASHBOARD_RASA_URLS="{${rasa_urls%,}}"
# secrets of the demo, made once (mode 600): Rasa's API token (the dashboard uses it; without it
# nobody reads or changes a conversation through Rasa's API), the emotion service's token
# (channels and actions send it), and the key that signs the chat page's sessions (kept across
# restarts, so a reload keeps the conversation)
for name in rasa-token service-token web-session-secret; do
  [ -f "var/$name" ] || (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=' > "var/$name")
done
export EMOBOT_RASA_TOKEN=${EMOBOT_RASA_TOKEN:-$(cat var/rasa-token)} EMOBOT_DASHBOARD_RASA_TOKEN=${EMOBOT_RASA_TOKEN:-$(cat var/rasa-token)}
export EMOBOT_SERVICE_TOKEN=${EMOBOT_SERVICE_TOKEN:-$(cat var/service-token)}
export EMOBOT_WEB_SESSION_SECRET=${EMOBOT_WEB_SESSION_SECRET:-$(cat var/web-session-secret)}

.venv/bin/emobot serve --port "$EMOBOT_PORT" >var/log/emotion-service.log 2>&1 &
pids+=($!)

# The supervisor dashboard: plain http on loopback in the demo, so the cookie is not "Secure";
# a first admin is created once and its password kept (mode 600) in var/demo-admin.txt.
export EMOBOT_DASHBOARD_PORT=${EMOBOT_DASHBOARD_PORT:-8600} EMOBOT_DASHBOARD_COOKIE_SECURE=false
[ -f var/dashboard-secret ] || (umask 077; head -c 32 /dev/urandom | base64 > var/dashboard-secret)
export EMOBOT_DASHBOARD_SESSION_SECRET=${EMOBOT_DASHBOARD_SESSION_SECRET:-$(cat var/dashboard-secret)}
if [ ! -f var/demo-admin.txt ]; then
  (umask 077; printf 'admin@emobot.local %s\n' "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > var/demo-admin.txt)
  cut -d' ' -f2 var/demo-admin.txt | .venv/bin/emobot create-admin --email admin@emobot.local --password-stdin >/dev/null \
    || { rm -f var/demo-admin.txt; echo "the dashboard admin could not be created" >&2; exit 1; }
fi
.venv/bin/emobot dashboard --port "$EMOBOT_DASHBOARD_PORT" >var/log/dashboard.log 2>&1 &
pids+=($!)

# Custom actions (tutor exercises, crisis escalation) run in each bot's action server, on the
# port its endpoints.yml names.
for bot in "${bots[@]}"; do
  [ -f "bot/$bot/actions/__init__.py" ] || continue
  actions_port=$(grep -E '^[[:space:]]+url:' "bot/$bot/endpoints.yml" | grep -oE ':[0-9]+/' | head -1 | tr -d ':/')
  (cd "bot/$bot" && exec ../../.venv-rasa/bin/rasa run actions --actions actions --port "$actions_port") \
    >"var/log/actions-$bot.log" 2>&1 &
  pids+=($!)
done

for bot in "${bots[@]}"; do
  # Rasa's API token from the environment (connectors/rasa_run.py): on the command line every local user reads it
  .venv-rasa/bin/python -m connectors.rasa_run run --enable-api -m "bot/$bot/models/$bot.tar.gz" --interface 127.0.0.1 \
    --credentials "bot/$bot/credentials.yml" --endpoints "bot/$bot/endpoints.yml" --port "${bot_port[$bot]}" \
    >"var/log/rasa-$bot.log" 2>&1 &
  pids+=($!)
done

# seconds each part may take to start (a loaded 2-CPU host right after training needs more than 120 s)
start_s=${EMOBOT_DEMO_START_S:-600}
wait_for "http://127.0.0.1:$EMOBOT_PORT/healthz" "the emotion service" "$start_s"
wait_for "http://127.0.0.1:$EMOBOT_DASHBOARD_PORT/healthz" "the dashboard" "$start_s"
for bot in "${bots[@]}"; do wait_for "http://127.0.0.1:${bot_port[$bot]}/status?token=$EMOBOT_RASA_TOKEN" "rasa ($bot)" "$start_s"; done

cat <<MSG

emobot demo is running (Ctrl-C stops it; logs in var/log/):
  emotion service   http://127.0.0.1:$EMOBOT_PORT/docs   (health: /healthz)
  mood log          $EMOBOT_DATABASE_URL
  dashboard         http://127.0.0.1:$EMOBOT_DASHBOARD_PORT/   (sign in as admin@emobot.local; the password is in var/demo-admin.txt, readable by you only)
MSG
for bot in "${bots[@]}"; do
  printf '  %-17s http://127.0.0.1:%s/webhooks/emobot_web/chat   (web chat; API: .../webhook, voice: /webhooks/emobot_voice/)\n' \
    "$bot bot" "${bot_port[$bot]}"
done
cat <<MSG

Try it:
  curl -s -X POST http://127.0.0.1:${bot_port[${bots[0]}]}/webhooks/emobot_web/webhook \\
       -H 'Content-Type: application/json' -d '{"sender": "demo-user", "message": "I feel so sad today"}'
  curl -s -H "Authorization: Bearer \$(cat var/service-token)" http://127.0.0.1:$EMOBOT_PORT/v1/sessions/demo-user/state
MSG
wait -n "${pids[@]}"
echo "a demo process exited; see var/log/" >&2
