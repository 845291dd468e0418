#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/test_web_browser.py) and the screenshots
# (scripts/screenshots.py). Installs the package with apt-get when no Chromium is found and we are
# root, and prints the browser's path as the last line of stdout. Exits 1 with a message on standard
# error when there is no Chromium and none can be installed: the browser tests then skip, saying why.
#
#   scripts/chromium.sh            # print /usr/bin/chromium (installing it first if need be)
#
# Environment: SUMMITRY_CHROMIUM (a browser to use instead of looking for one).
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

find_chromium() {
  local candidate
  for candidate in "${SUMMITRY_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

if path=$(find_chromium); then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "Chromium is not installed and cannot be installed here (needs root and apt-get): apt-get install chromium"
  exit 1
fi

log "installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >&2; }; then
  log "apt-get could not install chromium"
  exit 1
fi
path=$(find_chromium) || { log "chromium installed but no browser found at /usr/bin/chromium"; exit 1; }
echo "$path"
