#!/usr/bin/env bash
# Commands reach a running node on Windows (the local channel's named pipe), under Wine:
# peerview.exe serve runs on a Windows employer's data directory, a Linux candidate submits to
# it on loopback, and while it runs peerview.exe campaign list, status, export and
# export-recording on the same directory work (export writes the recordings, which only the
# running node can read: it holds the recordings store) and a clicked invite link is handed to
# it (which refuses it: serve shows no candidate screens). Then serve stops and the same export
# gives the same files.
#
#   tests/package/windows-running-node.sh PEERVIEW_EXE LINUX_PEERVIEW
#
# PEERVIEW_EXE's directory holds the mingw runtime DLLs and, under Wine 8, the
# bcryptprimitives shim (as check-windows.sh sets them up; it runs this after its journey).
# Uses WINEPREFIX from the environment, or a throwaway one. Test-harness only, not scripts/test.
set -euo pipefail
exe=$(realpath "$1")
linux_bin=$(realpath "$2")
cd "$(dirname "$0")/../.."

work=$(mktemp -d /var/tmp/peerview-wine-node.XXXXXX)
serve_pid=""
own_prefix=""
cleanup() {
    set +e
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    [ -n "$own_prefix" ] && wineserver -k 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${WINEPREFIX:-}" ]; then
    own_prefix=1
    export WINEPREFIX="$work/prefix"
fi
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ms() { echo $((($(date +%s%N) - $1) / 1000000)); }

emp="$work/employer"
mkdir -p "$emp"
emp_win=$(winepath -w "$emp" 2>/dev/null | tr -d '\r')
pvw() { wine "$exe" --relay disabled --data-dir "$emp_win" "$@" 2> >(tr -d '\r' >&2) | tr -d '\r'; }

step "the employer on Windows: a campaign, then peerview.exe serve"
cat >"$work/campaign.toml" <<'TOML'
title = "Windows node check"
role = "Tester"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "intro"
prompt = "Introduce yourself."
answer = "video"
answer_limit_secs = 60
[[question]]
id = "why"
prompt = "Why this job?"
answer = "text"
TOML
campaign=$(pvw campaign create --file "$(winepath -w "$work/campaign.toml" 2>/dev/null | tr -d '\r')" | head -n1)
[ -n "$campaign" ] || fail "campaign create"
port=$((47900 + RANDOM % 100))
started=$(date +%s%N)
wine "$exe" --relay disabled --data-dir "$emp_win" serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 150); do [ -s "$emp/node-address" ] && break; sleep 0.2; done
[ -s "$emp/node-address" ] || { cat "$work/serve.log"; fail "peerview.exe serve did not start"; }
echo "serve listening after $(ms "$started") ms"

step "a Linux candidate submits to it on loopback"
ticket=$(pvw invite "$campaign" --name "Lin")
cand="$work/candidate"
"$linux_bin" --relay disabled --data-dir "$cand" join "$ticket" >/dev/null
"$linux_bin" --relay disabled --data-dir "$cand" answer "$campaign" intro --record --video test-pattern --audio tone --seconds 2 >/dev/null
"$linux_bin" --relay disabled --data-dir "$cand" answer "$campaign" why --text "Sent to a Windows node."
"$linux_bin" --relay disabled --data-dir "$cand" submit "$campaign" --wait 60 | tee "$work/submit.txt"
grep -q "received by the employer" "$work/submit.txt" || fail "the Windows node did not receive the submission"

step "while serve runs: commands on its data directory go through the named pipe"
started=$(date +%s%N)
pvw campaign list | tee "$work/list.txt"
echo "(peerview.exe campaign list while serve runs: $(ms "$started") ms)"
grep -q "Windows node check" "$work/list.txt" || fail "campaign list"
started=$(date +%s%N)
pvw status
echo "(peerview.exe status while serve runs: $(ms "$started") ms)"
started=$(date +%s%N)
pvw export "Lin" "$(winepath -w "$work/export-running" 2>/dev/null | tr -d '\r')"
echo "(peerview.exe export while serve runs: $(ms "$started") ms)"
ls -l "$work/export-running"
[ "$(ls "$work"/export-running/*.mp4 2>/dev/null | wc -l)" -ge 1 ] ||
    fail "export while serve runs wrote no recording (the local channel did not reach the node)"
hash=$(grep -oE '"blake3": *"[0-9a-f]{64}"' "$work/export-running/summary.json" | head -n1 | grep -oE '[0-9a-f]{64}')
started=$(date +%s%N)
pvw export-recording "$hash" "$(winepath -w "$work/take-running.mp4" 2>/dev/null | tr -d '\r')"
echo "(peerview.exe export-recording while serve runs: $(ms "$started") ms)"
[ -s "$work/take-running.mp4" ] || fail "export-recording while serve runs wrote nothing"
started=$(date +%s%N)
if pvw gui "peerview:join/$ticket" >"$work/handed.txt" 2>&1; then fail "serve took an invite it cannot show"; fi
cat "$work/handed.txt"
grep -q "does not show the candidate" "$work/handed.txt" || fail "the invite link did not reach the running node"
echo "(peerview.exe gui LINK while serve runs: $(ms "$started") ms)"

step "serve stopped: the same export, straight from the store"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
wineserver -w 2>/dev/null || true
pvw export "Lin" "$(winepath -w "$work/export-stopped" 2>/dev/null | tr -d '\r')"
pvw export-recording "$hash" "$(winepath -w "$work/take-stopped.mp4" 2>/dev/null | tr -d '\r')"
cmp "$work/take-running.mp4" "$work/take-stopped.mp4" || fail "export-recording differs with serve stopped"
for f in "$work"/export-running/*.mp4; do
    cmp "$f" "$work/export-stopped/$(basename "$f")" || fail "$(basename "$f") differs with serve stopped"
done
echo
echo "PASS: with peerview.exe serve running, peerview.exe campaign list, status, export,"
echo "export-recording and an invite link reached it over the named pipe under Wine."
