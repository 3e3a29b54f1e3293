#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is not there yet.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "install-browser: /usr/bin/chromium is missing and this user cannot run apt-get; install Debian's chromium package" >&2
    exit 1
  fi
else
  SUDO=()
fi
echo "install-browser: installing Debian's chromium (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q chromium
