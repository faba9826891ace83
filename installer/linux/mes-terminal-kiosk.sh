#!/bin/sh
# The operator terminal as a kiosk: full screen, started again whenever it exits, nothing behind it.
#
# Run as the only client of a kiosk compositor (cage, see mes-terminal-kiosk.service) or as the whole
# X session (xinit, see mes-terminal-kiosk-x11.service). The terminal reads the kiosk user's settings
# file; on the very first start there is none, and the station setup opens instead (admin PIN).
# Pauses grow from 2 to 30 seconds while the terminal keeps failing at once (no database yet), so a
# broken setup does not spin; the journal (journalctl -u mes-terminal-kiosk) says why it exited.

BUNDLE="${MES_BUNDLE:-$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-wayland;xcb}"

if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
    xset s off -dpms s noblank   # a terminal on a line never blanks
fi

pause=2
while true; do
    started=$(date +%s)
    "$BUNDLE/mes-terminal" terminal "$@"
    status=$?
    echo "mes-terminal-kiosk: the terminal exited with status $status; starting it again in ${pause}s" >&2
    sleep "$pause"
    if [ $(( $(date +%s) - started )) -lt 60 ]; then
        pause=$(( pause * 2 > 30 ? 30 : pause * 2 ))
    else
        pause=2   # it ran for a while: a normal exit (sign-out, crash after hours), come back quickly
    fi
done
