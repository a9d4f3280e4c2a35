#!/usr/bin/env bash
# Regenerates portside.classlist and portside-cli.classlist (the classes cds-archive.sh archives for
# the window and for the commands) from real runs of the app image: the window under a virtual
# display (Xvfb) until the first snapshot is shown, then the terminal commands people run most (who,
# list, list --json, free, --help, why, --version) (docs/PERFORMANCE.md, "Start-up of a command",
# "Fifth round"). Each run writes its own list
# (-XX:DumpLoadedClassList, with class-data sharing off so that every class is seen); the lists
# are joined in that order, each class once.
# Run after `mvn -Ppackage -DskipTests -Djpackage.imageOnly package` when dependencies or start-up
# paths change much; a stale list still works (classes that no longer exist are skipped).
# Needs Xvfb and python3 (a listener for `who` and `free` to find).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../target/dist/Portside}
out=$here/portside.classlist
out_cli=$here/portside-cli.classlist
work=$(mktemp -d)
d=90; while [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
# Two listeners in project folders, so that `who` reads a package.json and a pom.xml as it does for a
# developer's servers (the manifest readers' classes are in the archive whatever runs here).
mkdir -p "$work/site" "$work/app"
printf '{"name": "site", "dependencies": {"express": "^4.19.2"}}\n' >"$work/site/package.json"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>app</artifactId>\n<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n' >"$work/app/pom.xml"
(cd "$work/site" && exec python3 -u -m http.server 0 --bind 127.0.0.1) >"$work/http.log" 2>&1 & listener=$!
(cd "$work/app" && exec python3 -u -m http.server 0 --bind 127.0.0.1) >"$work/http2.log" 2>&1 & listener2=$!
trap 'kill "$xvfb" "$listener" "$listener2" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$d ]] && break; sleep 0.1; done

record() { # record NAME ARGS...: one run of the launcher with its class list in $work/NAME
  local name=$1; shift
  JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$work/$name.classlist" "$image/bin/Portside" "$@"
}

# the window, with settings of its own, as a second start finds them (a saved filter would leave the
# table empty, and the table's rows and cells out of the archive)
log=$work/window.log
mkdir -p "$work/config/portside"
printf '{"theme": "system", "filterText": "", "window": {"x": 40.0, "y": 30.0, "width": 1200.0, "height": 700.0, "maximized": false}, "splitPosition": 0.64}\n' \
  >"$work/config/portside/settings.json"
DISPLAY=":$d" XDG_CONFIG_HOME="$work/config" JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$work/window.classlist" \
  setsid "$image/bin/Portside" >"$log" 2>&1 & app=$!
for _ in $(seq 300); do grep -q 'first snapshot shown' "$log" && break; sleep 0.1; done
grep -q 'first snapshot shown' "$log" || { cat "$log" >&2; echo "classlist.sh: the app did not show a snapshot" >&2; exit 1; }
sleep 1
# What the window builds when first used (the detail pane of a chosen row, the diagnosis pane), when
# xdotool can type into it: choose the first row, then check the listener's port.
if command -v xdotool >/dev/null; then
  win=$(DISPLAY=":$d" xdotool search --onlyvisible --name 'Portside' 2>/dev/null | head -n 1 || true)
  if [[ -n $win ]]; then
    for k in ctrl+f Down Down; do DISPLAY=":$d" xdotool key --window "$win" "$k"; sleep 0.3; done
    sleep 1
    DISPLAY=":$d" xdotool key --window "$win" ctrl+k; sleep 0.3
    DISPLAY=":$d" xdotool type --window "$win" "$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$work/http.log" | head -1)"
    DISPLAY=":$d" xdotool key --window "$win" Return
  fi
fi
sleep 2
kill -TERM -- -"$app"; wait "$app" 2>/dev/null || true

# the commands (no terminal: `free` lists the owner and stops before ending anything)
port=
for _ in $(seq 50); do
  port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$work/http.log" | head -1)
  [[ -n $port ]] && break; sleep 0.1
done
[[ -n $port ]] || { echo "classlist.sh: the python3 listener did not start" >&2; exit 1; }
port2=
for _ in $(seq 50); do
  port2=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$work/http2.log" | head -1)
  [[ -n $port2 ]] && break; sleep 0.1
done
record who who "$port" >/dev/null
[[ -z $port2 ]] || record who2 who "$port2" >/dev/null
record list list >/dev/null
record json list --json >/dev/null
record free free "$port" </dev/null >/dev/null || true
record help --help >/dev/null
record why why "$port" >/dev/null || true
record version --version >/dev/null

# Two lists, each with the header once, then every class once in the order of the runs: the
# window's (portside.classlist) and the commands' (portside-cli.classlist). Two, because from
# Java 24 on an archive with linked classes loads every class it holds when the JVM starts: the
# window's 6,000 classes cost a command about 80 ms (docs/PERFORMANCE.md, "Fifth round").
# Each run numbers its classes from 0 (" id: N"), and from Java 24 on -Xshare:dump refuses a list in
# which two classes share a number, so the numbers go (only classes of a class loader of the app's
# own would need them, and Portside has none); a class that two runs loaded is kept once, by name.
join() { # join LIST...: the runs' lists as one
  grep '^#' "$work/window.classlist"
  cat "$@" 2>/dev/null | grep -v '^#' | sed 's/ id: [0-9]*//' | awk '/^@/ { if (!seen[$0]++) print; next } !seen[$1]++'
}
join "$work/window.classlist" >"$out"
join "$work"/{who,who2,list,json,free,help,why,version}.classlist >"$out_cli"

# From Java 24 on, a list's "@cp" lines have -Xshare:dump link their classes ahead, and it leaves
# out of the archive a class of old bytecode (before Java 6) that got linked so, and every class
# that extends or implements one: picocli (built for Java 5) and our commands' classes that
# implement its interfaces. Their "@cp" lines go, so that they are archived (unlinked) instead:
# dump, read which classes it left out, drop their lines, until none is left out (a few rounds).
cp=$(sed -n "s#^app.classpath=[$]APPDIR#$image/lib/app#p" "$image/lib/app/Portside.cfg" | paste -sd: -)
modules=$(sh "$image/lib/app/cds-archive.sh" --options "$image")
for list in "$out" "$out_cli"; do
  for _ in 1 2 3 4 5; do
    # shellcheck disable=SC2086 # $modules is a list of options, or empty
    old=$("$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" \
      -XX:SharedArchiveFile="$work/try.jsa" -Xmx256m -XX:+UseG1GC $modules -XX:+AOTClassLinking \
      -Xlog:cds=warning -cp "$cp" 2>&1 | sed -n 's/.*Skipping \([^ :]*\): Old class has been linked.*/\1/p' || true)
    [[ -n $old ]] || break
    grep -vF -f <(sed 's/.*/@cp & /' <<<"$old") "$list" >"$work/kept" || true
    cp "$work/kept" "$list"
  done
done
echo "classlist.sh: wrote $out ($(grep -vc '^#' "$out") entries) and $out_cli ($(grep -vc '^#' "$out_cli") entries)"
