#!/usr/bin/env bash
# System packages the tests need, from Debian: Chromium (driven by Playwright; a browser that a
# test tool downloads itself cannot be fetched here), CJK fonts (so screenshots and contrast checks
# see real Chinese glyphs), a Java runtime for the Nu HTML Checker, Node.js for axe and Lighthouse.
# Installs what is missing when it can (root + apt-get); otherwise says exactly what to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Not `fc-list | grep -q`: grep stops at the first match, fc-list dies of SIGPIPE and pipefail
# reports the fonts missing (they were reinstalled on every run).
[[ "$(fc-list : family 2>/dev/null)" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages for the tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "error: the tests need these system packages: ${missing[*]}" >&2
echo "fix: sudo apt-get install ${missing[*]}   (Debian/Ubuntu), then run 'make test' again." >&2
exit 1
