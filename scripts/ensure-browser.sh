#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright; a browser that
# Playwright downloads itself cannot be fetched here. Install it when missing, if we can.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "error: /usr/bin/chromium is missing and this user cannot install it." >&2
echo "fix: run 'sudo apt-get install chromium fonts-noto-cjk' (Debian/Ubuntu), then 'make test'." >&2
exit 1
