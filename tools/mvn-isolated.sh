#!/usr/bin/env bash
# Runs Maven in a private network namespace (root only), e.g. `tools/mvn-isolated.sh verify`.
# Several checkouts testing at once on one machine then cannot see each other's sockets: the tests
# that compare Portside's scan with `ss`, or wait for a port to be free, see only their own. The
# namespace has a loopback and no other network, so Maven runs offline (-o): build once outside
# first (`mvn -q test-compile`) so the dependencies are in ~/.m2. Tests that need the machine's real
# network namespace (a Docker container's published port) do not belong in such a run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -ne 0 ]]; then
  echo "mvn-isolated.sh: needs root (unshare -n); running plain mvn -o instead" >&2
  exec mvn -o "$@"
fi
exec unshare --net -- bash -c 'ip link set lo up && exec mvn -o "$@"' mvn "$@"
