#!/usr/bin/env bash
# Idempotently make sure Debian's chromium is installed at /usr/bin/chromium
# (browser tests can't download their own browser build here; apt works).
set -euo pipefail

[ -x /usr/bin/chromium ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-chromium: /usr/bin/chromium missing and not root (no sudo) to apt-get install chromium" >&2
  exit 1
fi

if ! { $SUDO apt-get update -qq \
    && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: 'apt-get install chromium' failed; install it by hand (Debian package: chromium)" >&2
  exit 1
fi
