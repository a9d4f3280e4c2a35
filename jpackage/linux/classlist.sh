#!/usr/bin/env bash
# Regenerates portside.classlist (the classes cds-archive.sh archives) from a real start of the
# app image: the window under a virtual display (Xvfb) until the first snapshot is shown.
# Run after `mvn -Ppackage -DskipTests -Djpackage.imageOnly package` when dependencies change much;
# a stale list still works (classes that no longer exist are skipped).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../target/dist/Portside}
out=$here/portside.classlist
d=90; while [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
log=$(mktemp)
trap 'kill "$xvfb" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$d ]] && break; sleep 0.1; done
DISPLAY=":$d" JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=/nonexistent -XX:DumpLoadedClassList=$out.tmp" \
  setsid "$image/bin/Portside" >"$log" 2>&1 & app=$!
for _ in $(seq 300); do grep -q 'first snapshot shown' "$log" && break; sleep 0.1; done
grep -q 'first snapshot shown' "$log" || { cat "$log" >&2; echo "classlist.sh: the app did not show a snapshot" >&2; exit 1; }
sleep 2
kill -TERM -- -"$app"; wait "$app" 2>/dev/null || true
mv "$out.tmp" "$out"
echo "classlist.sh: wrote $out ($(grep -vc '^#' "$out") entries)"
