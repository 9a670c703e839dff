#!/usr/bin/env bash
# Install qdplanner's menu entry, icon and .qdplan file type for the current user (~/.local).
#
#   ./install-linux.sh [--uninstall]
#
# Run it from an unpacked one-folder build (dist/qdplanner/, where build.py puts a copy of this
# script): ~/.local/bin/qdplanner then links to that folder's executable. Run from a checkout
# (packaging/install-linux.sh) it uses the `qdplanner` already on PATH (a pip install).
# XDG_DATA_HOME and the xdg-utils / desktop-file-utils / shared-mime-info tools are honoured when
# present; without them the files are copied and the caches are left for the next login.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN_DIR="$HOME/.local/bin"
APPS="$DATA_HOME/applications"
MIME="$DATA_HOME/mime"
ICONS="$DATA_HOME/icons/hicolor"
SIZES="16 24 32 48 64 128 256"

# Where the desktop file, MIME XML and icons are: a frozen build or a checkout.
if [ -x "$HERE/qdplanner" ] && [ -d "$HERE/_internal/qdplanner/_data/resources" ]; then
  RES="$HERE/_internal/qdplanner/_data/resources"
  APP_EXE="$HERE/qdplanner"
elif [ -d "$HERE/../resources" ]; then
  RES="$(cd "$HERE/../resources" && pwd)"
  APP_EXE=""
else
  echo "install-linux.sh: cannot find qdplanner's resources next to $HERE" >&2
  exit 1
fi

have() { command -v "$1" >/dev/null 2>&1; }

refresh_caches() {
  if have update-mime-database; then update-mime-database "$MIME" >/dev/null 2>&1 || true; fi
  if have update-desktop-database; then update-desktop-database "$APPS" >/dev/null 2>&1 || true; fi
  if have gtk-update-icon-cache; then
    gtk-update-icon-cache -f -t "$ICONS" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  if have xdg-desktop-menu; then xdg-desktop-menu uninstall --mode user qdplanner.desktop || true; fi
  if have xdg-mime; then xdg-mime uninstall --mode user "$MIME/packages/qdplanner-mime.xml" || true; fi
  rm -f "$APPS/qdplanner.desktop" "$MIME/packages/qdplanner-mime.xml"
  for size in $SIZES; do
    rm -f "$ICONS/${size}x${size}/apps/qdplanner.png" \
          "$ICONS/${size}x${size}/mimetypes/application-x-qdplan.png"
  done
  rm -f "$ICONS/scalable/apps/qdplanner.svg"
  if [ -L "$BIN_DIR/qdplanner" ]; then rm -f "$BIN_DIR/qdplanner"; fi
  refresh_caches
  echo "qdplanner: menu entry, icon and file type removed"
  exit 0
fi

# 1. The command: a link to the frozen executable, unless qdplanner is installed another way.
if [ -n "$APP_EXE" ]; then
  mkdir -p "$BIN_DIR"
  ln -sfn "$APP_EXE" "$BIN_DIR/qdplanner"
  EXEC="$BIN_DIR/qdplanner"
  case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "note: $BIN_DIR is not on PATH; the menu entry uses the full path" ;;
  esac
elif have qdplanner; then
  EXEC="$(command -v qdplanner)"
else
  echo "install-linux.sh: no qdplanner command found (pip install qdplanner, or run the copy" \
       "of this script inside the built dist/qdplanner folder)" >&2
  exit 1
fi

# 2. Icons: the application and the plan-file type, every size, plus the SVG.
for size in $SIZES; do
  png="$RES/icons/qdplanner-$size.png"
  [ -f "$png" ] || continue
  install -Dm644 "$png" "$ICONS/${size}x${size}/apps/qdplanner.png"
  install -Dm644 "$png" "$ICONS/${size}x${size}/mimetypes/application-x-qdplan.png"
done
install -Dm644 "$RES/icons/qdplanner.svg" "$ICONS/scalable/apps/qdplanner.svg"

# 3. The file type (*.qdplan, or an SQLite file with application id QDP1).
if have xdg-mime; then
  xdg-mime install --mode user --novendor "$RES/qdplanner-mime.xml"
else
  install -Dm644 "$RES/qdplanner-mime.xml" "$MIME/packages/qdplanner-mime.xml"
fi

# 4. The menu entry, with Exec/TryExec pointing at the command found above.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed -e "s|^Exec=qdplanner |Exec=\"$EXEC\" |" -e "s|^TryExec=qdplanner$|TryExec=$EXEC|" \
  "$RES/qdplanner.desktop" > "$tmp/qdplanner.desktop"
if have xdg-desktop-menu; then
  xdg-desktop-menu install --mode user --novendor "$tmp/qdplanner.desktop"
else
  install -Dm644 "$tmp/qdplanner.desktop" "$APPS/qdplanner.desktop"
fi

# 5. .qdplan files open with qdplanner by default.
if have xdg-mime; then
  xdg-mime default qdplanner.desktop application/x-qdplan || true
fi
refresh_caches
echo "qdplanner: menu entry, icon and .qdplan file type installed for ${USER:-$(id -un)} (Exec=$EXEC)"
