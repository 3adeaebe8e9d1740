#!/usr/bin/env bash
# The Debian package as a user gets it: cpack builds the .deb from the build tree in a temporary folder,
# apt-get installs it on this machine (dependencies resolved from Debian), /usr/bin/ingestwatch --version
# runs from the installed path, the desktop file, icons, man page and metainfo are where desktops look,
# then apt-get removes it and /usr/bin/ingestwatch is gone. Whatever happens, the trap removes the package
# again and the temporary folder, so a failure halfway leaves the machine as it was.
#   deb-roundtrip.sh BUILD_DIR VERSION         (exit 77 = skipped, see the message)
set -euo pipefail
build=$1
version=$2
app_id=io.github.ingestwatch.IngestWatch
t0=$(date +%s%N)
ms() { echo $((($(date +%s%N) - t0) / 1000000)); }
say() { printf 'deb-roundtrip [%6s ms] %s\n' "$(ms)" "$*"; }
fail() { say "FAIL: $*"; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    say "SKIP: installing a .deb needs root or passwordless sudo (CI runs as root)"
    exit 77
  fi
fi
for tool in cpack dpkg-deb dpkg-query apt-get; do
  command -v "$tool" >/dev/null || { say "SKIP: $tool not found (not a Debian machine?)"; exit 77; }
done
installed() { dpkg-query -W -f='${Status}' ingestwatch 2>/dev/null | grep -q "install ok installed"; }
if installed; then
  # Someone's real installation: never replace or remove it from a test.
  say "SKIP: the ingestwatch package is already installed on this machine; not touching it"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/iw-deb.XXXXXX")
apt_opts=(-y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends)
cleanup() {
  rc=$?
  if installed; then
    say "cleanup: removing the package"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove "${apt_opts[@]}" ingestwatch >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing: configure the build first"
say "cpack -G DEB"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; fail "cpack failed"; }
debs=("$work"/out/ingestwatch_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no ingestwatch_*.deb"
deb=${debs[0]}
say "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# The control fields a user (and apt) relies on.
control=$(dpkg-deb -f "$deb")
grep -q "^Package: ingestwatch$" <<<"$control" || fail "Package field: $control"
grep -q "^Version: $version" <<<"$control" || fail "Version is not $version: $control"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep (shlibdeps or the plugin list): $depends"
done

say "apt-get install ./$(basename "$deb")"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "$deb" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "apt-get install failed"; }
installed || fail "dpkg does not list ingestwatch as installed"

[ -x /usr/bin/ingestwatch ] || fail "/usr/bin/ingestwatch is not there"
got=$(env -u IW_LOCAL_BACKEND QT_QPA_PLATFORM=offscreen /usr/bin/ingestwatch --version 2>&1) \
  || fail "/usr/bin/ingestwatch --version exited non-zero: $got"
[ "$got" = "ingestwatch $version" ] || fail "/usr/bin/ingestwatch --version said '$got', expected 'ingestwatch $version'"
say "/usr/bin/ingestwatch --version: $got"
help=$(LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 LANGUAGE= /usr/bin/ingestwatch --help 2>&1) || true
grep -q "^Aufruf: ingestwatch" <<<"$help" || fail "the installed binary's --help under a German locale is not German: ${help:0:200}"

files=(
  /usr/share/applications/$app_id.desktop
  /usr/share/metainfo/$app_id.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/$app_id.svg
  /usr/share/man/man1/ingestwatch.1.gz
)
for size in 16 22 24 32 48 64 128 256; do
  files+=(/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png)
done
for f in "${files[@]}"; do
  [ -s "$f" ] || fail "$f is not installed"
done
for size in 16 48 256; do
  png=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
  head -c 24 "$png" | od -An -tx1 | tr -d ' \n' | grep -q "^89504e470d0a1a0a" || fail "$png is not a PNG"
  dims=$(head -c 24 "$png" | od -An -j16 -N8 -tu1 | awk '{ print $3*256+$4 "x" $7*256+$8 }')
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
done
gzip -t /usr/share/man/man1/ingestwatch.1.gz || fail "the man page is not valid gzip"
zcat /usr/share/man/man1/ingestwatch.1.gz | grep -q "^\.SH EXIT STATUS" || fail "the man page has no EXIT STATUS"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/$app_id.desktop || fail "installed desktop file invalid"
fi
say "installed: ${#files[@]} files checked (desktop file, metainfo, scalable + 8 PNG icons, man page)"

say "apt-get remove ingestwatch"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove "${apt_opts[@]}" ingestwatch >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "apt-get remove failed"; }
installed && fail "ingestwatch is still installed after apt-get remove"
[ ! -e /usr/bin/ingestwatch ] || fail "/usr/bin/ingestwatch is still there after removal"
[ ! -e /usr/share/applications/$app_id.desktop ] || fail "the desktop file is still there after removal"
say "PASS: built, installed, ran, removed"
