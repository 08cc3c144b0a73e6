#!/usr/bin/env bash
# The Windows build under Wine: installs dist/peerview-*-windows-x64-setup.exe silently into a
# throwaway Wine prefix, checks what the installer registered (the peerview: link scheme), then
# runs the candidate's command-line journey with the installed peerview.exe against a Linux
# employer node on loopback (relays disabled):
#   join peerview:join/<ticket>, record --video test-pattern --audio tone, answer --file,
#   answer --record, answer --text, submit; the employer receives and verifies the recordings
#   (its log says so, and what it exports plays).
# Then peerview.exe serve as an employer node, and commands on its data directory while it runs
# (tests/package/windows-running-node.sh: they reach it over the named pipe).
# The candidate's data lives where Windows keeps it (%APPDATA%\Peerview in the prefix).
# Test-harness only: a bcryptprimitives.dll shim beside the exe (Wine 8 lacks ProcessPrng;
# Windows 10 and later have it). Separate from scripts/test; needs `scripts/package --windows`
# and `scripts/package` (the Linux employer binary) first, or PEERVIEW_LINUX_BIN.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
setup=$(realpath "dist/peerview-${VERSION}-windows-x64-setup.exe" 2>/dev/null || true)
[ -f "$setup" ] || { echo "no Windows installer in dist/: run scripts/package --windows first" >&2; exit 1; }
linux_bin="${PEERVIEW_LINUX_BIN:-${PEERVIEW_DIST_TARGET:-/var/tmp/peerview-dist-target}/dist/peerview}"
[ -x "$linux_bin" ] || { echo "no Linux peerview at $linux_bin (scripts/package, or set PEERVIEW_LINUX_BIN)" >&2; exit 1; }
if ! command -v wine >/dev/null; then
    ensure_packages wine wine64 || true
fi
command -v wine >/dev/null || { echo "Wine is not installed and could not be (apt-get install wine wine64): no check." >&2; exit 1; }
ensure_packages gcc-mingw-w64-x86-64 ffmpeg

work=$(mktemp -d /var/tmp/peerview-wine-check.XXXXXX)
serve_pid=""
cleanup() {
    set +e
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "a throwaway Wine prefix; the installer, silently"
started=$SECONDS
wineboot --init >/dev/null 2>&1
wine "$setup" /S >/dev/null 2>&1
appdata_local=$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
installed=$(winepath -u "$appdata_local\\Programs\\Peerview" 2>/dev/null)
[ -f "$installed/peerview.exe" ] || fail "the installer did not put peerview.exe in $appdata_local\\Programs\\Peerview"
ls "$installed"
echo "installed in $((SECONDS - started)) s"
handler=$(wine reg query 'HKCU\Software\Classes\peerview\shell\open\command' /ve 2>/dev/null | tr -d '\r')
echo "$handler" | grep -F 'peerview.exe" gui "%1"' || fail "the peerview: scheme is not registered: $handler"
wine reg query 'HKCU\Software\Classes\peerview' /v 'URL Protocol' >/dev/null 2>&1 || fail "no URL Protocol value"

step "the test-harness shim for Wine 8 (bcryptprimitives.dll, beside the exe)"
x86_64-w64-mingw32-gcc -shared -o "$installed/bcryptprimitives.dll" \
    tests/package/windows/bcryptprimitives-shim.c -ladvapi32
pv() { wine "$installed/peerview.exe" --relay disabled "$@" 2> >(tr -d '\r' >&2) | tr -d '\r'; }
pv --version || fail "peerview.exe --version"

step "the employer: Linux peerview on loopback"
emp="$work/employer"
cat >"$work/campaign.toml" <<'EOF'
title = "Windows check"
role = "Tester"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 60
[[question]]
id = "more"
prompt = "Tell us more."
answer = "video"
answer_limit_secs = 60
[[question]]
id = "why"
prompt = "Why this job?"
answer = "text"
EOF
campaign=$("$linux_bin" --data-dir "$emp" campaign create --file "$work/campaign.toml" | head -n1)
port=$((47800 + RANDOM % 100))
"$linux_bin" --data-dir "$emp" --relay disabled serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do [ -s "$emp/node-address" ] && break; sleep 0.2; done
[ -s "$emp/node-address" ] || { cat "$work/serve.log"; fail "the employer node did not start"; }
ticket=$("$linux_bin" --data-dir "$emp" invite "$campaign" --name "Wendy" 2>/dev/null)

step "the candidate on Windows: join with the link"
started=$SECONDS
pv join "peerview:join/$ticket" | tee "$work/join.txt"
grep -q "Windows check" "$work/join.txt" || fail "join"
data_dir=$(winepath -u "$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')\\Peerview")
[ -f "$data_dir/node.key" ] || fail "the candidate's data is not in %APPDATA%\\Peerview ($data_dir)"
echo "data directory: $data_dir"

step "record (test pattern and tone) into a file, keep it; record another as an answer"
take_win="$(winepath -w "$work")\\take.mp4"
pv record --video test-pattern --audio tone --seconds 3 --size 320x240 "$take_win" | tee "$work/record.txt"
hash=$(grep -oE 'BLAKE3 [0-9a-f]{64}' "$work/record.txt" | cut -d' ' -f2)
[ -n "$hash" ] || fail "record printed no BLAKE3 hash"
ffprobe -v error -count_frames -show_entries stream=codec_name,nb_read_frames -of compact "$work/take.mp4" |
    tee "$work/probe.txt"
grep -q "h264" "$work/probe.txt" && grep -q "opus" "$work/probe.txt" || fail "the recorded take is not H.264 + Opus"
pv answer "$campaign" intro --file "$take_win"
pv answer "$campaign" more --record --video test-pattern --audio tone --seconds 3
pv answer "$campaign" why --text "Written under Wine."

step "submit"
pv submit "$campaign" --wait 60 | tee "$work/submit.txt"
grep -q "received by the employer" "$work/submit.txt" || fail "the submission was not received"
pv status
echo "journey in $((SECONDS - started)) s"

step "the employer verified and holds both recordings"
for _ in $(seq 20); do [ "$(grep -c 'recording received and verified' "$work/serve.log")" -ge 2 ] && break; sleep 0.5; done
grep 'recording received and verified' "$work/serve.log" || true
[ "$(grep -c 'recording received and verified' "$work/serve.log")" -ge 2 ] || fail "the employer did not verify both recordings"
"$linux_bin" --data-dir "$emp" campaign show "$campaign" | grep "Wendy"
# The take recorded on Windows, byte for byte, out of the employer's store.
"$linux_bin" --data-dir "$emp" export-recording "$hash" "$work/received.mp4"
cmp "$work/take.mp4" "$work/received.mp4" || fail "the employer's copy of the take differs"
echo "the employer holds the take recorded on Windows, byte for byte (BLAKE3 $hash)"
"$linux_bin" --data-dir "$emp" export "Wendy" "$work/export" >/dev/null
for f in "$work"/export/*.mp4; do
    frames=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$f")
    echo "$(basename "$f"): $frames video frames"
    [ "$frames" -gt 0 ] || fail "$f has no video"
done
[ "$(ls "$work"/export/*.mp4 | wc -l)" -ge 2 ] || fail "the export lacks a recording"

step "commands reach a running Windows node (the local channel's named pipe)"
started=$SECONDS
tests/package/windows-running-node.sh "$installed/peerview.exe" "$linux_bin"
echo "running-node check in $((SECONDS - started)) s"

step "uninstall: the program and the link scheme go, the candidate's data stays"
rm -f "$installed/bcryptprimitives.dll"
wine "$installed/uninstall.exe" /S >/dev/null 2>&1
wineserver -w
for _ in $(seq 20); do [ -e "$installed/peerview.exe" ] || break; sleep 0.5; done
[ ! -e "$installed/peerview.exe" ] || fail "the uninstaller left peerview.exe"
if wine reg query 'HKCU\Software\Classes\peerview' >/dev/null 2>&1; then fail "the uninstaller left the peerview: scheme"; fi
[ -f "$data_dir/node.key" ] || fail "the uninstaller removed the candidate's data"
echo "uninstalled; $data_dir kept"

echo
echo "PASS: the Windows installer registers peerview: links, and the installed peerview.exe under"
echo "Wine joins with a link, records, answers and submits; the Linux employer verified the recordings;"
echo "commands reach a running peerview.exe serve over its named pipe."
