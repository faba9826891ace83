#!/bin/sh
# Install the MES Terminal bundle on a Linux workstation (run as root from the unpacked bundle):
#
#   sudo ./linux/install.sh                      the application in /opt/mes-terminal, menu entries, icons
#   sudo ./linux/install.sh --kiosk mes          ... and the kiosk: user `mes` sees only the terminal (cage)
#   sudo ./linux/install.sh --kiosk mes --x11    ... the same on plain X11 instead of cage
#
# Installing again over an older version replaces the application and keeps every settings file.
set -eu

PREFIX=/opt/mes-terminal
KIOSK_USER=""
UNIT=mes-terminal-kiosk.service
while [ $# -gt 0 ]; do
    case "$1" in
        --kiosk) KIOSK_USER="$2"; shift 2 ;;
        --x11) UNIT=mes-terminal-kiosk-x11.service; shift ;;
        *) echo "usage: $0 [--kiosk USER [--x11]]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "Run as root (sudo $0 $*)." >&2; exit 1; }

BUNDLE="$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)"
[ -x "$BUNDLE/mes-terminal" ] || { echo "No mes-terminal executable in $BUNDLE." >&2; exit 1; }

if [ "$BUNDLE" != "$PREFIX" ]; then
    rm -rf "$PREFIX.new"
    cp -a "$BUNDLE" "$PREFIX.new"
    rm -rf "$PREFIX"
    mv "$PREFIX.new" "$PREFIX"
fi
ln -sf "$PREFIX/mes-terminal" /usr/local/bin/mes-terminal

for name in mes-terminal mes-supervisor; do
    install -Dm644 "$PREFIX/linux/$name.desktop" "/usr/share/applications/$name.desktop"
    install -Dm644 "$PREFIX/linux/$name.svg" "/usr/share/icons/hicolor/scalable/apps/$name.svg"
    install -Dm644 "$PREFIX/linux/$name.png" "/usr/share/icons/hicolor/256x256/apps/$name.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
echo "installed in $PREFIX; 'mes-terminal' is on the PATH"

if [ -n "$KIOSK_USER" ]; then
    id "$KIOSK_USER" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$KIOSK_USER"
    # dialout: serial scanners; video, render, input: the screen and the touch panel for cage or X.
    for group in dialout video render input tty; do
        getent group "$group" >/dev/null && usermod -aG "$group" "$KIOSK_USER"
    done
    sed "s/^User=.*/User=$KIOSK_USER/" "$PREFIX/linux/$UNIT" >/etc/systemd/system/mes-terminal-kiosk.service
    systemctl daemon-reload
    systemctl set-default graphical.target
    systemctl enable mes-terminal-kiosk.service
    echo "kiosk enabled for user $KIOSK_USER on tty1 ($UNIT); it starts at the next boot"
    echo "or now: systemctl start mes-terminal-kiosk"
fi
