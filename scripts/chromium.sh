#!/usr/bin/env bash
# @module scripts/chromium
# Debian's Chromium and the DejaVu fonts for the admin pages' browser test and for PDF output.
# Installs only what is missing (apt-get; needs root, as on CI), so a second run does nothing.
#
#   scripts/chromium.sh        install /usr/bin/chromium and fonts-dejavu-core when missing
#
# The browser test drives /usr/bin/chromium through playwright-core; nothing is downloaded by
# playwright itself, and the PDFs are written with the DejaVu fonts, not by the browser.
set -euo pipefail

log() { printf 'chromium: %s\n' "$*" >&2; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -eq 0 ]; then
  log "already installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  exit 0
fi
command -v apt-get >/dev/null || { log "apt-get not found: install ${need[*]} by hand"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
log "installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" >/dev/null
log "installed: $(/usr/bin/chromium --version 2>/dev/null || echo "${need[*]}")"
