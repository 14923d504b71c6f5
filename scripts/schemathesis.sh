#!/usr/bin/env bash
# @module scripts/schemathesis
# Property-based API testing of the HTTP service with schemathesis (PyPI): starts `reglament
# serve` on a free 127.0.0.1 port with a fresh data directory, runs schemathesis against its
# /openapi.json with an admin token, and fails on any 5xx, undocumented status, wrong content
# type or response that breaks the schema. Bounded: a fixed number of examples per operation
# and a fixed seed, a few minutes at most. The server is stopped and its data deleted on exit.
#
#   scripts/schemathesis.sh            (needs `npm install` first: it runs bin/reglament.js)
#
# schemathesis lives in a venv cached under ${XDG_CACHE_HOME:-$HOME/.cache}/reglament/venv.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
venv="${XDG_CACHE_HOME:-$HOME/.cache}/reglament/venv"
examples="${SCHEMATHESIS_EXAMPLES:-25}"

log() { printf 'schemathesis: %s\n' "$*" >&2; }

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
  log "installing schemathesis $version into $venv"
  if ! python3 -m venv "$venv"; then
    # Debian ships venv/ensurepip separately.
    apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

dir=$(mktemp -d -t reglament-schemathesis.XXXXXX)
port=$(free_port)
export REGLAMENT_DATA_DIR="$dir/data" PORT="$port" HOST=127.0.0.1 NODE_ENV=development REGLAMENT_DEMO=1 REGLAMENT_LOG_LEVEL=warn
node bin/reglament.js serve >"$dir/server.log" 2>&1 &
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT

base="http://127.0.0.1:$port"
ready=0
for _ in $(seq 1 150); do
  if node -e "fetch('$base/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if [ "$ready" -ne 1 ]; then
  log "the server did not become ready:"; cat "$dir/server.log" >&2; exit 1
fi
log "server ready on $base (pid $pid)"

token=$(node bin/reglament.js token --role admin --ttl 1h)
status=0
"$venv/bin/schemathesis" run "$base/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$examples" \
  --seed 20250429 \
  --workers 1 \
  --request-timeout 10 \
  --no-color || status=$?
if [ "$status" -ne 0 ]; then
  log "failed; the server's last log lines:"; tail -n 20 "$dir/server.log" >&2
fi
exit "$status"
