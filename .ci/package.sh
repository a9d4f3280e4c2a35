#!/usr/bin/env bash
# Builds this system's installers (docs/PACKAGING.md) and checks them: the app image's launcher
# runs (smoke-launcher.sh); on Linux also the .deb's and the .rpm's metadata and contents, and the
# .deb installed and removed again (check-linux-packages.sh). The same on a laptop and in CI:
#   .ci/package.sh            (Linux: as root or with sudo, for apt-get and the install test)
# Windows (Git Bash) needs the WiX Toolset 3 (candle.exe, light.exe) on the PATH or in $WIX;
# macOS needs nothing beyond the JDK.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

case "$(uname -s)" in
  Linux*)
    need=()
    command -v fakeroot >/dev/null || need+=(fakeroot)  # jpackage builds the .deb under fakeroot
    command -v dpkg-deb >/dev/null || need+=(dpkg)
    command -v objcopy >/dev/null || need+=(binutils)   # jlink strips native debug symbols with it
    command -v rpmbuild >/dev/null || need+=(rpm)       # the .rpm (Debian's rpm package has rpmbuild)
    command -v rpm2cpio >/dev/null || need+=(rpm2cpio)  # to read files inside the .rpm
    command -v cpio >/dev/null || need+=(cpio)
    if [[ ${#need[@]} -gt 0 ]]; then
      sudo_if_needed apt-get update -qq
      sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    fi
    ;;
  MINGW* | MSYS* | CYGWIN*)
    if ! command -v candle.exe >/dev/null && [[ -n ${WIX:-} ]]; then
      PATH="$(cygpath -u "$WIX")/bin:$PATH"   # the WiX 3 installer sets WIX, not always the PATH
      export PATH
    fi
    command -v candle.exe >/dev/null || { echo "package.sh: the WiX Toolset 3 is not on the PATH" >&2; exit 1; }
    ;;
esac

mvn -B -Ppackage -DskipTests package
ls -l target/dist
bash .ci/smoke-launcher.sh
case "$(uname -s)" in
  Linux*) bash .ci/check-linux-packages.sh ;;
esac
