#!/usr/bin/env bash
# Builds this system's installers (docs/PACKAGING.md) and checks them: the app image's launcher
# runs (smoke-launcher.sh); on Linux also the .deb's and the .rpm's metadata and contents
# (check-linux-packages.sh). With --install it also installs the installer on this machine, runs
# the installed `portside` and removes it again (the .deb with apt, the .msi with msiexec, the
# .dmg's app copied out of the mounted image). The same on a laptop, in .ci/run and in the
# GitHub workflow:
#   .ci/package.sh [--install]   (Linux: as root or with sudo, for apt-get)
# Windows (Git Bash) needs the WiX Toolset 3 (candle.exe, light.exe) on the PATH or in $WIX, and
# an administrator for --install; macOS needs nothing beyond the JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
install=
[[ ${1:-} == --install ]] && install=--install

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

# The Linux runtime comes from Temurin 25 where it is installed (pom.xml looks in /usr/lib/jvm); on a
# GitHub runner setup-java puts it elsewhere and says where in JAVA_HOME_25_X64.
runtime=()
[[ $(uname -s) == Linux* && -n ${JAVA_HOME_25_X64:-} ]] && runtime=("-Druntime.jdk=$JAVA_HOME_25_X64")
mvn -B -Ppackage -DskipTests ${runtime[@]+"${runtime[@]}"} package
ls -l target/dist
bash .ci/smoke-launcher.sh
case "$(uname -s)" in
  Linux*) bash .ci/check-linux-packages.sh $install ;;
  Darwin*) [[ -z $install ]] || bash .ci/check-mac-dmg.sh ;;
  MINGW* | MSYS* | CYGWIN*) [[ -z $install ]] || bash .ci/check-windows-msi.sh ;;
esac
