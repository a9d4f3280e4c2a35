#!/usr/bin/env bash
# The packaged launcher runs: `list --json` prints a JSON array and `--version` the pom's version.
# Works on Linux, macOS (bash 3.2) and Windows (Git Bash), locally and in CI, after
# `mvn -Ppackage package`:   .ci/smoke-launcher.sh [LAUNCHER]
# Without an argument it checks this system's launcher in target/dist/ (the command-line one on
# Windows, portside.com). Needs python3 (or python) for the JSON check.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux*) default=target/dist/Portside/bin/Portside ;;
  Darwin*) default=target/dist/Portside.app/Contents/MacOS/Portside ;;
  MINGW* | MSYS* | CYGWIN*) default=target/dist/Portside/portside.com ;;
  *) echo "smoke-launcher: unknown system $(uname -s)" >&2; exit 2 ;;
esac
launcher=${1:-$default}
fail() { echo "smoke-launcher: $*" >&2; exit 1; }
[[ -x $launcher || -f $launcher ]] || fail "no launcher at $launcher (run mvn -Ppackage package first)"
py=$(command -v python3 || command -v python) || fail "python3 is needed for the JSON check"

# The pom's version: the project's own <version>, not a dependency's or the parent's.
expected=$("$py" - <<'PY'
import xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(ET.parse("pom.xml").getroot().find("m:version", ns).text.strip())
PY
)

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# No display: the command line must not need one (it never starts the JavaFX toolkit).
env -u DISPLAY "$launcher" list --json >"$out" || fail "$launcher list --json exited $?"
"$py" - "$out" <<'PY' || fail "$launcher list --json did not print a JSON array"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(data, list), type(data)
print(f"smoke-launcher: list --json printed a JSON array of {len(data)} sockets")
PY
version=$(env -u DISPLAY "$launcher" --version | tr -d '\r')
[[ $version == "Portside ${expected}" ]] || fail "--version printed '$version', expected 'Portside ${expected}'"
echo "smoke-launcher: $launcher OK ($version)"
