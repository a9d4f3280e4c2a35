#!/usr/bin/env bash
# Measures the open window over time: CPU (% of one core, per thread) and resident memory.
#
#   tools/bench-window.sh [--rows N] [--warmup S] [--duration S] [--every S] [--no-netns]
#                         [--main CLASS] [--java PATH] [-- JVM options]
#
# Starts Portside from target/classes under its own Xvfb display (unless DISPLAY is set) with the
# JVM options `mvn javafx:run` uses (see pom.xml), optionally with N TCP listeners on 127.0.0.1 held
# by another JVM (dev.portside.bench.ListenerLoad), waits --warmup seconds, then reads utime+stime
# of the app from /proc every --every seconds for --duration seconds and prints one line per
# sample and a summary. As root it runs everything in a private network namespace (unshare -n), so
# other programs on the machine do not change the table meanwhile; --no-netns turns that off.
#
# --main dev.portside.bench.EmptyWindow measures an empty JavaFX window instead: the floor.
# --java PATH runs it on another Java than the one on the PATH, e.g. the Linux app image's runtime
# (Java 25 where the build found it): --java target/dist/Portside/lib/runtime/bin/java -- \
# --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow (its configuration's options).
# Needs: Linux, Xvfb, a build (`mvn -q test-compile`). Used for docs/PERFORMANCE.md.
set -euo pipefail

ROWS=3 WARMUP=45 DURATION=60 EVERY=10 NETNS=auto MAIN=dev.portside.Launcher JAVA=java
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --every) EVERY=$2; shift 2 ;;
    --no-netns) NETNS=no; shift ;;
    --main) MAIN=$2; shift 2 ;;
    --java) JAVA=$2; [[ $JAVA == */* ]] && JAVA=$(readlink -f "$JAVA"); shift 2 ;;
    --inside) INSIDE=1; shift ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
EXTRA_OPTS=("$@")

SELF=$(readlink -f "$0")
cd "$(dirname "$SELF")/.."
if [[ -z "${INSIDE:-}" && $NETNS == auto && $(id -u) == 0 ]] && command -v unshare > /dev/null; then
  exec unshare -n "$SELF" --inside --main "$MAIN" --java "$JAVA" --rows "$ROWS" --warmup "$WARMUP" --duration "$DURATION" --every "$EVERY" \
    --no-netns -- "${EXTRA_OPTS[@]}"
fi
if [[ -n "${INSIDE:-}" ]] || [[ $(id -u) == 0 && $NETNS == no && -z "$(ip -o addr 2>/dev/null | grep -v ' lo ')" ]]; then
  ip link set lo up 2> /dev/null || true
fi

CP_FILE=target/bench-window.classpath
if [[ ! -s $CP_FILE || pom.xml -nt $CP_FILE ]]; then
  mvn -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test > /dev/null
fi
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
# the options of `mvn javafx:run` (pom.xml, javafx-maven-plugin <options>)
JVM_OPTS=($(sed -n '/<artifactId>javafx-maven-plugin/,/<\/options>/p' pom.xml | sed -n 's/.*<option>\(.*\)<\/option>.*/\1/p'))

cleanup() {
  # the app first, and wait for it: JavaFX deletes its font temp files (/tmp/+JXF*) on a clean exit
  if [[ -n "${APP:-}" ]]; then
    kill "$APP" 2> /dev/null || true
    for _ in $(seq 50); do kill -0 "$APP" 2> /dev/null || break; sleep 0.1; done
  fi
  [[ -n "${LOAD:-}" ]] && kill "$LOAD" 2> /dev/null || true
  [[ -n "${XVFB:-}" ]] && kill "$XVFB" 2> /dev/null || true
  [[ -n "${CONFIG:-}" ]] && rm -rf "$CONFIG"
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
  for n in $(seq 90 140); do
    if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then
      Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp > /dev/null 2>&1 &
      XVFB=$!
      export DISPLAY=":$n"
      break
    fi
  done
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${DISPLAY#:} ]] && break; sleep 0.1; done
fi

if [[ $ROWS -gt 0 ]]; then
  coproc LOADPROC { java -cp "$CP" dev.portside.bench.ListenerLoad "$ROWS"; }
  LOAD=$LOADPROC_PID
  read -r line <&"${LOADPROC[0]}"
  echo "load: $line"
fi

CONFIG=$(mktemp -d)
APP_LOG=${APP_LOG:-$CONFIG/app.log}
"$JAVA" "${JVM_OPTS[@]}" "${EXTRA_OPTS[@]}" -Dportside.config.dir="$CONFIG" -cp "$CP" "$MAIN" > "$APP_LOG" 2>&1 &
APP=$!
echo "app pid $APP, $("$JAVA" -version 2>&1 | head -1), JVM options: ${JVM_OPTS[*]} ${EXTRA_OPTS[*]}"
HZ=$(getconf CLK_TCK)
sleep "$WARMUP"

# utime + stime: fields 14 and 15 of stat, counted after the command name, which may hold spaces
stat_ticks() { sed 's/.*) //' "$1" | awk '{print $12 + $13}'; }
ticks() { stat_ticks "/proc/$1/stat"; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
declare -A start_thread
for t in /proc/$APP/task/*; do
  start_thread[$(cat "$t/comm")/${t##*/}]=$(stat_ticks "$t/stat")
done
t0=$(date +%s.%N)
c0=$(ticks "$APP")
printf "%8s %10s %10s\n" "seconds" "cpu %" "rss MB"
elapsed=0
while (( elapsed < DURATION )); do
  step=$(( DURATION - elapsed < EVERY ? DURATION - elapsed : EVERY ))
  sleep "$step"
  elapsed=$(( elapsed + step ))
  now=$(date +%s.%N)
  c=$(ticks "$APP")
  printf "%8d %10.2f %10s\n" "$elapsed" "$(echo "($c - $c0) * 100 / $HZ / ($now - $t0)" | bc -l)" "$(rss "$APP")"
done
t1=$(date +%s.%N)
c1=$(ticks "$APP")
echo "summary: rows=$ROWS warmup=${WARMUP}s duration=${DURATION}s cpu=$(printf %.2f "$(echo "($c1 - $c0) * 100 / $HZ / ($t1 - $t0)" | bc -l)")% of one core, rss=$(rss "$APP") MB"
echo "per thread (% of one core over the measured time):"
for t in /proc/$APP/task/*; do
  key=$(cat "$t/comm")/${t##*/}
  now_ticks=$(stat_ticks "$t/stat")
  d=$(( now_ticks - ${start_thread[$key]:-0} ))
  if (( d > 0 )); then printf "  %6.2f  %s\n" "$(echo "$d * 100 / $HZ / ($t1 - $t0)" | bc -l)" "${key%/*}"; fi
done | sort -rn
