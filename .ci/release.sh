#!/usr/bin/env bash
# Attaches installers to the GitHub release of a tag, creating the release if needed:
#   .ci/release.sh v0.1.0 target/release/*
# The tag must name the pom's version. Needs the GitHub CLI (gh) with a token (GH_TOKEN); the
# workflow gives it one, a developer has `gh auth login`.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:?usage: release.sh TAG FILE...}
shift
[[ $# -gt 0 ]] || { echo "release.sh: no installers to attach" >&2; exit 1; }
version=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
print(ET.parse("pom.xml").getroot().find("{http://maven.apache.org/POM/4.0.0}version").text.strip())
PY
)
[[ $tag == "v$version" ]] || { echo "release.sh: tag $tag does not match the pom's version $version" >&2; exit 1; }
for f in "$@"; do [[ -f $f ]] || { echo "release.sh: $f is not a file" >&2; exit 1; }; done
if gh release view "$tag" >/dev/null 2>&1; then
  gh release upload "$tag" "$@" --clobber
else
  gh release create "$tag" "$@" --verify-tag --title "Portside $version" \
    --notes "Installers for Linux (.deb, .rpm), Windows (.msi) and macOS (.dmg). See the README's \"Install\" section."
fi
echo "release.sh: attached $# files to $tag"
