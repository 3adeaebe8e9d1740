#!/bin/sh
# Runs a command inside a private D-Bus session with a real, unlocked gnome-keyring Secret Service and a
# throwaway HOME, so keychain tests use the real thing and never touch the user's keyring.
#   tests/with-keyring.sh COMMAND [ARGS...]
set -eu
tmp=$(mktemp -d); mkdir -m 700 "$tmp/run"
export HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run"   # before dbus-run-session, so activated services inherit it
unset DISPLAY WAYLAND_DISPLAY
rc=0
dbus-run-session -- sh -ec '
  printf %s ci-keyring-pw | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  gkd=$!
  gdbus wait --session --timeout 10 org.freedesktop.secrets
  rc=0; "$@" || rc=$?
  kill "$gkd" 2>/dev/null || true; wait "$gkd" 2>/dev/null || true
  exit $rc
' sh "$@" || rc=$?
rm -rf "$tmp"
exit $rc
