#!/usr/bin/env bash
# Idempotently make sure Debian's wrk (the HTTP load generator bench:plans runs as a separate
# process) is installed; apt works here, nothing else downloads.
set -euo pipefail

command -v wrk >/dev/null 2>&1 && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "ensure-wrk: wrk missing and not root (no sudo) to apt-get install wrk" >&2
  exit 1
fi

if ! { $SUDO apt-get update -qq \
    && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
    || ! command -v wrk >/dev/null 2>&1; then
  echo "ensure-wrk: 'apt-get install wrk' failed; install it by hand (Debian package: wrk)" >&2
  exit 1
fi
