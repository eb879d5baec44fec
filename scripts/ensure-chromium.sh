#!/usr/bin/env bash
# Make sure Debian's Chromium and ChromeDriver are installed for the browser tests.
# Installs them with apt-get when run as root (or with password-less sudo).
# With CI set, failing to install is an error; locally it is a warning and the browser tests skip.
set -u
if [ -n "${CHROMIUM:-}" ] || { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; } \
   || command -v google-chrome >/dev/null 2>&1; then
  exit 0  # a browser is already there (GitHub's runners ship google-chrome)
fi
as_root=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root="sudo"; else as_root="none"; fi
fi
if [ "$as_root" != "none" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver with apt-get (for the browser tests)..."
  $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
echo "Chromium is not installed and could not be installed automatically." >&2
echo "Install it with: sudo apt-get install chromium chromium-driver (or set CHROMIUM=/path/to/chrome)." >&2
if [ -n "${CI:-}" ]; then exit 1; fi
echo "Browser tests will be skipped on this machine (they never skip when CI is set)." >&2
exit 0
