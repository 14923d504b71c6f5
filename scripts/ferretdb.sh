#!/usr/bin/env bash
# @module scripts/ferretdb
# FerretDB (a MongoDB wire-protocol server over SQLite) for the MongoDB store tests.
#
#   scripts/ferretdb.sh build          build v1.24.2 into the cache unless a working binary is there
#   scripts/ferretdb.sh start [DIR]    start on a free 127.0.0.1 port with a fresh data dir (DIR or a
#                                      new temp dir), wait until it accepts connections, print the URL
#   scripts/ferretdb.sh stop DIR       stop the server started with DIR and delete DIR
#
# Example (what .ci/run does):
#   dir=$(mktemp -d); MONGODB_URL=$(scripts/ferretdb.sh start "$dir"); trap 'scripts/ferretdb.sh stop "$dir"' EXIT
#
# Telemetry stays off and the server listens on 127.0.0.1 only: nothing leaves the machine.
set -euo pipefail

version=v1.24.2
bin_dir="${XDG_CACHE_HOME:-$HOME/.cache}/reglament/bin"
bin="$bin_dir/ferretdb"

log() { printf 'ferretdb: %s\n' "$*" >&2; }

working_binary() {
  [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "version: $version"
}

# `go install …@v1.24.2` alone yields a binary that panics at start: the module ships without the
# generated build/version/version.txt. So fetch the module, add that file, and build from the copy.
build() {
  if working_binary; then return 0; fi
  command -v go >/dev/null || { log "go is not installed: cannot build FerretDB $version"; exit 1; }
  log "building FerretDB $version into $bin (about a minute, once)"
  local src work
  src=$(cd "$(mktemp -d)" && go mod download -json "github.com/FerretDB/FerretDB@$version" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$src" ] || { log "go mod download of FerretDB $version failed"; exit 1; }
  work=$(mktemp -d)
  cp -r "$src/." "$work/"
  chmod -R u+w "$work"
  printf '%s\n' "$version" > "$work/build/version/version.txt"
  printf 'reglament-ci\n' > "$work/build/version/package.txt"
  mkdir -p "$bin_dir"
  (cd "$work" && GOFLAGS=-mod=mod go build -buildvcs=false -o "$bin.tmp" ./cmd/ferretdb)
  mv "$bin.tmp" "$bin"
  rm -rf "$work"
  working_binary || { log "the built binary does not report $version"; exit 1; }
}

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

accepts_connections() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  build
  local dir="${1:-}" port pid attempt
  if [ -z "$dir" ]; then dir=$(mktemp -d -t reglament-ferretdb.XXXXXX); fi
  mkdir -p "$dir/data"
  for attempt in 1 2 3; do
    port=$(free_port)
    "$bin" --handler=sqlite --sqlite-url="file:$dir/data/" --state-dir="$dir" \
      --listen-addr="127.0.0.1:$port" --debug-addr=- --telemetry=disable \
      --log-level=warn >"$dir/ferretdb.log" 2>&1 &
    pid=$!
    echo "$pid" > "$dir/ferretdb.pid"
    for _ in $(seq 1 100); do
      if accepts_connections "$port"; then
        log "listening on 127.0.0.1:$port (pid $pid, data in $dir; stop: scripts/ferretdb.sh stop $dir)"
        echo "mongodb://127.0.0.1:$port/"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    log "attempt $attempt on port $port failed: $(tail -n 3 "$dir/ferretdb.log")"
  done
  exit 1
}

stop() {
  local dir="${1:?usage: scripts/ferretdb.sh stop DIR}" pid
  if [ -f "$dir/ferretdb.pid" ]; then
    pid=$(cat "$dir/ferretdb.pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  build) build ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: scripts/ferretdb.sh build | start [DIR] | stop DIR" >&2; exit 2 ;;
esac
