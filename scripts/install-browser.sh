#!/usr/bin/env bash
# Installs Debian's chromium and Arabic-capable fonts for the dashboard's browser tests.
# Never downloads a browser build of its own: the tests drive the system chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto"; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: chromium is missing and this is not a root Debian machine;" \
         "browser tests will be skipped" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium fonts-noto-core fontconfig >/dev/null
