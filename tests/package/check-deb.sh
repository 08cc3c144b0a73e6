#!/usr/bin/env bash
# Installs Peerview's .deb into a clean Debian 12 root (debootstrap: no Rust, no build packages)
# the way a user does (apt resolves Depends and Recommends), then checks, inside that root:
#   1. every library the binary links is found (ldd), and every library it opens at run time
#      (X11, xkbcommon, Vulkan, EGL) is known to the dynamic loader (ldconfig -p);
#   2. `peerview --version` runs;
#   3. the app opens its first window under Xvfb (screenshot in dist/check/);
#   4. `xdg-open 'peerview:join/<ticket>'`, through the installed desktop entry, starts the app
#      on the invite (the candidate joins the campaign of an employer node running in the root),
#      and a second link opened while it runs is handed to that window;
#   5. with an AppImage given too, it runs in that root (extracted: a chroot has no FUSE).
# Needs root (chroot, mounts) and Debian's archive.
# Usage: check-deb.sh dist/peerview_X_amd64.deb [dist/Peerview-X-x86_64.AppImage]
# Separate from scripts/test: it takes minutes and downloads about 150 MB of Debian packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

deb=$(realpath "${1:?usage: check-deb.sh PACKAGE.deb [APPIMAGE]}")
appimage=${2:+$(realpath "$2")}
[ -f "$deb" ] || { echo "no package at $deb: run scripts/package first" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "check-deb.sh needs root (debootstrap, chroot, mounts)" >&2; exit 1; }
ensure_packages debootstrap xvfb xdotool imagemagick
MIRROR="${PEERVIEW_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBOOTSTRAP_CACHE="${PEERVIEW_DEBOOTSTRAP_CACHE:-/var/cache/peerview-debootstrap}"
OUT=dist/check
mkdir -p "$OUT"

work=$(mktemp -d /var/tmp/peerview-deb-check.XXXXXX)
root="$work/root"
xvfb_pid=""
cleanup() {
    set +e
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    # Whatever still runs inside the root (the app, the employer node) goes with it.
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$root" ] && kill "$pid" 2>/dev/null
    done
    sleep 1
    for m in var/cache/apt/archives tmp/.X11-unix dev/shm dev/pts dev sys proc; do
        mountpoint -q "$root/$m" && umount -l "$root/$m"
    done
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 "$@"; }

step "debootstrap: a minimal Debian 12 (bookworm) root"
started=$SECONDS
# Downloaded packages are kept between runs (the root itself is new every time).
mkdir -p "$DEBOOTSTRAP_CACHE"
debootstrap --variant=minbase --cache-dir="$DEBOOTSTRAP_CACHE" bookworm "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
echo "done in $((SECONDS - started)) s"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs tmpfs "$root/dev/shm"
# apt's downloads are kept between runs too.
mkdir -p "$DEBOOTSTRAP_CACHE/apt/partial"
mount --bind "$DEBOOTSTRAP_CACHE/apt" "$root/var/cache/apt/archives"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
if in_root sh -c 'command -v cargo || command -v rustc || command -v cc'; then fail "the root has a toolchain"; fi

step "apt install ./$(basename "$deb") (Depends and Recommends, as a user's apt does)"
cp "$deb" "$root/tmp/peerview.deb"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/peerview.deb >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; fail "apt-get install"; }
in_root dpkg -s peerview | grep -E '^(Version|Depends|Recommends):'
echo "installed: $(in_root dpkg-query -W -f='${Installed-Size}' peerview) kB;" \
    "the root now holds $(in_root dpkg-query -W -f='.\n' | wc -l) packages"
for f in /usr/bin/peerview /usr/share/applications/peerview.desktop /usr/share/metainfo/peerview.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/peerview.svg /usr/share/icons/hicolor/256x256/apps/peerview.png; do
    [ -e "$root$f" ] || fail "$f is not installed"
done

step "libraries"
in_root ldd /usr/bin/peerview | tee "$work/ldd.txt"
if grep -q "not found" "$work/ldd.txt"; then fail "ldd: a linked library is missing"; fi
in_root ldconfig -p >"$work/ldconfig.txt"
needed=$(readelf -d "$root/usr/bin/peerview" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for soname in $({ grep -v '^#' packaging/debian/dlopen-sonames; strings -n 8 "$root/usr/bin/peerview" | grep -oE 'lib[A-Za-z0-9_+-]+\.so\.[0-9]+' | sed -E 's/.*(lib[A-Za-z0-9_+-]+\.so\.[0-9]+)$/\1/'; } | sort -u); do
    grep -qxF "$soname" <<<"$needed" && continue
    if grep -q "^[[:space:]]*$soname " "$work/ldconfig.txt"; then
        echo "opened at run time, present: $soname"
    else
        fail "$soname (opened at run time) is not installed: the package's Depends lack it"
    fi
done

step "peerview --version"
in_root peerview --version

if [ -n "$appimage" ]; then
    step "the AppImage, in the same root"
    cp "$appimage" "$root/tmp/Peerview.AppImage"
    in_root env APPIMAGE_EXTRACT_AND_RUN=1 TMPDIR=/tmp /tmp/Peerview.AppImage --version
    in_root env APPIMAGE_EXTRACT_AND_RUN=1 TMPDIR=/tmp PEERVIEW_LANG=de /tmp/Peerview.AppImage --help | head -n 3
fi

step "the first window, under Xvfb"
# Xvfb picks a free display number itself and writes it to fd 3 once it listens.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 3>"$work/display" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || { cat "$work/xvfb.log"; fail "Xvfb did not start"; }
display=":$(head -n1 "$work/display")"
echo "Xvfb on $display"
wait_window() { # wait_window SECONDS: the id of a window named Peerview
    local deadline=$((SECONDS + $1)) id
    while [ $SECONDS -lt "$deadline" ]; do
        id=$(DISPLAY=$display xdotool search --name '^Peerview$' 2>/dev/null | head -n1) || true
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 0.5
    done
    return 1
}
in_root env DISPLAY="$display" peerview gui >"$work/first.log" 2>&1 &
win=$(wait_window 60) || { cat "$work/first.log"; fail "no window within 60 s"; }
sleep 3
import -display "$display" -window root "$OUT/first-window.png"
colours=$(convert "$OUT/first-window.png" -format %k info:)
echo "window $win; screenshot $OUT/first-window.png ($colours colours)"
[ "$colours" -gt 20 ] || fail "the window looks blank ($colours colours)"
DISPLAY=$display xdotool windowclose "$win" 2>/dev/null || DISPLAY=$display xdotool windowkill "$win"
sleep 2

step "an employer node in the root, on loopback"
emp="/root/employer"
cat >"$root/tmp/campaign.toml" <<'EOF'
title = "Packaging check"
role = "Tester"
instructions = "Opened from a peerview:join link."
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "text"
EOF
campaign=$(in_root peerview --data-dir "$emp" campaign create --file /tmp/campaign.toml | head -n1)
[ -n "$campaign" ] || fail "campaign create printed no id"
port=$((47200 + RANDOM % 500))
in_root peerview --data-dir "$emp" --relay disabled serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
for _ in $(seq 50); do [ -s "$root$emp/node-address" ] && break; sleep 0.2; done
[ -s "$root$emp/node-address" ] || { cat "$work/serve.log"; fail "the employer node did not start"; }
ticket_for() { in_root peerview --data-dir "$emp" invite "$campaign" --name "$1" | grep -oE 'pvinvite1[a-z2-7]+'; }
first=$(ticket_for "Ada")
second=$(ticket_for "Grace")

step "xdg-open 'peerview:join/<ticket>' with the installed desktop entry"
in_root xdg-mime query default x-scheme-handler/peerview | tee "$work/handler.txt"
grep -qx peerview.desktop "$work/handler.txt" || fail "peerview.desktop is not the handler of peerview: links"
# The app runs as the user who opened the link: relays off (the check has no internet).
in_root env DISPLAY="$display" PEERVIEW_RELAY=disabled xdg-open "peerview:join/$first" >"$work/open1.log" 2>&1 &
win=$(wait_window 60) || { cat "$work/open1.log"; fail "xdg-open started no window"; }
joined() { in_root env PEERVIEW_RELAY=disabled peerview status 2>&1 | grep -c "Packaging check" || true; }
for _ in $(seq 60); do [ "$(joined)" -ge 1 ] && break; sleep 1; done
[ "$(joined)" -ge 1 ] || { in_root peerview status; cat "$work/open1.log"; fail "the app did not join the invite"; }
sleep 2
import -display "$display" -window root "$OUT/opened-from-link.png"
echo "joined from the link; screenshot $OUT/opened-from-link.png"

step "a second link while the app runs is handed to its window"
in_root env DISPLAY="$display" PEERVIEW_RELAY=disabled xdg-open "peerview:join/$second" >"$work/open2.log" 2>&1 || true
for _ in $(seq 30); do grep -q "already running" "$work/open2.log" && break; sleep 0.5; done
cat "$work/open2.log"
grep -q "already running" "$work/open2.log" || fail "the second link was not handed to the running app"
[ "$(DISPLAY=$display xdotool search --name '^Peerview$' | wc -l)" = 1 ] || fail "a second window opened"
for _ in $(seq 30); do
    roster=$(in_root peerview --data-dir "$emp" campaign show "$campaign")
    [ "$(grep -c 'invite joined' <<<"$roster")" -ge 2 ] && break
    sleep 1
done
echo "$roster" | grep -E 'Ada|Grace'
[ "$(grep -c 'invite joined' <<<"$roster")" -ge 2 ] || fail "the employer does not see both invites joined"
sleep 2
import -display "$display" -window root "$OUT/second-link.png"

echo
echo "PASS: the .deb installs into a clean Debian 12 root, its libraries resolve, the app opens"
echo "its window, and peerview:join links open it on the invite (screenshots in $OUT/)."
