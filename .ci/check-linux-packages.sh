#!/usr/bin/env bash
# Checks the Linux app image, .deb and .rpm in target/dist/ (after `mvn -Ppackage package`):
# what they declare and contain; with --install it then installs the .deb with apt, runs
# `portside` from the PATH and removes the package again (root or sudo; skipped, and said, when a
# Portside package is already installed on this machine). Run by .ci/package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

image=target/dist/Portside
cfg=$image/lib/app/Portside.cfg
fail() { echo "ci: packaging check failed: $*" >&2; exit 1; }
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$cfg")
[[ -n $version ]] || fail "$cfg names no version"

# --- the app image ---------------------------------------------------------------------------
grep -q '^java-options=-Xmx256m$' "$cfg" || fail "the launcher config lacks the memory cap"
[[ -s $image/lib/app/portside.jsa ]] || fail "the app image has no class-data-sharing archive"
[[ -s $image/lib/app/portside-cli.jsa ]] || fail "the app image has no class-data-sharing archive for its commands"
# ... and the launcher's commands use it: with -Xshare:on a JVM that cannot map it stops with an error.
JAVA_TOOL_OPTIONS=-Xshare:on env -u DISPLAY "$image/bin/Portside" --version >/dev/null 2>&1 \
  || fail "the launcher cannot use its class-data-sharing archive (JAVA_TOOL_OPTIONS=-Xshare:on $image/bin/Portside --version)"
rc=0; JAVA_TOOL_OPTIONS=-Xshare:on env -u DISPLAY "$image/bin/Portside" who 1 >/dev/null 2>&1 || rc=$?
[[ $rc == 1 ]] || fail "who with the class-data-sharing archive exited $rc, not 1 (nothing listens on port 1)"
# The image as packaged stays under 100 MB (the CDS archive is written on the machine it runs on).
image_mb=$(du -sm --exclude='*.jsa' "$image" | cut -f1)
(( image_mb < 100 )) || fail "the app image is ${image_mb} MB, over 100 MB"

# --- the .deb: control fields (Depends must pull in what JavaFX needs) and contents -------------
deb=$(ls target/dist/portside_*_amd64.deb)
dpkg-deb -I "$deb"
for field in Package Version Maintainer Depends Homepage; do
  [[ -n $(dpkg-deb -f "$deb" "$field") ]] || fail "$deb has no $field field"
done
[[ $(dpkg-deb -f "$deb" Version) == "${version}-1" ]] || fail "$deb has version $(dpkg-deb -f "$deb" Version), not ${version}-1"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libgtk-3-0 libgl1 libxtst6 xdg-utils; do
  grep -Eq "(^|, *)$dep( |,|$)" <<<"$depends" || fail "$deb does not depend on $dep"
done
dpkg-deb -c "$deb" >target/dist/deb-contents.txt
for f in ./opt/portside/bin/Portside ./opt/portside/lib/app/Portside.cfg ./opt/portside/lib/app/portside.jar \
         ./opt/portside/lib/portside-Portside.desktop ./opt/portside/lib/Portside.png \
         ./opt/portside/lib/app/lib/libglassgtk3.so \
         ./opt/portside/lib/app/cds-archive.sh ./opt/portside/lib/app/portside.classlist \
         ./opt/portside/lib/app/portside-cli.classlist; do
  grep -q " $f\$" target/dist/deb-contents.txt || fail "$deb lacks $f"
done
desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/portside/lib/portside-Portside.desktop)
grep -qx 'Categories=Development;Network;' <<<"$desktop" || fail "the desktop entry has the wrong categories"
grep -qx 'Icon=/opt/portside/lib/Portside.png' <<<"$desktop" || fail "the desktop entry has no icon"
postinst=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst)
grep -q '/usr/share/applications/portside-Portside.desktop' <<<"$postinst" || fail "the .deb does not install its menu entry"
grep -q 'ln -sfn /opt/portside/bin/Portside /usr/bin/portside' <<<"$postinst" || fail "the .deb does not link /usr/bin/portside"
echo "ci: .deb OK: $(basename "$deb") $(( $(stat -c %s "$deb") / 1048576 )) MB"

# --- the .rpm: the same, with rpm's own queries -------------------------------------------------
rpm=$(ls target/dist/portside-*.x86_64.rpm 2>/dev/null || true)
if [[ -z $rpm ]]; then
  command -v rpmbuild >/dev/null && fail "rpmbuild is here but no .rpm was built"
  echo "ci: no .rpm checked (no rpmbuild on this machine)"
else
  rpm -qip "$rpm"
  [[ $(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$rpm") == "${version}-1" ]] || fail "$rpm is not version ${version}-1"
  requires=$(rpm -qp --requires "$rpm")
  for dep in 'libgtk-3.so.0()(64bit)' 'libGL.so.1()(64bit)' 'libXtst.so.6()(64bit)'; do
    grep -qxF "$dep" <<<"$requires" || fail "$rpm does not require $dep"
  done
  rpm -qlp "$rpm" >target/dist/rpm-contents.txt
  for f in /opt/portside/bin/Portside /opt/portside/lib/app/Portside.cfg /opt/portside/lib/app/portside.jar \
           /opt/portside/lib/portside-Portside.desktop /opt/portside/lib/Portside.png /usr/bin/portside; do
    grep -qxF "$f" target/dist/rpm-contents.txt || fail "$rpm lacks $f"
  done
  # Only our own folders: /usr, /usr/bin and /opt belong to the distribution's filesystem package.
  rpm -qp --qf '[%{FILENAMES} %{FILEMODES:perms}\n]' "$rpm" | grep -E '^/(usr|usr/bin|opt) d' \
    && fail "$rpm claims a system folder"
  [[ $(rpm -qp --qf '[%{FILENAMES} %{FILELINKTOS}\n]' "$rpm" | grep '^/usr/bin/portside ') \
      == '/usr/bin/portside /opt/portside/bin/Portside' ]] || fail "$rpm: /usr/bin/portside is not a link to the launcher"
  desktop=$(rpm2cpio "$rpm" | cpio -i --quiet --to-stdout ./opt/portside/lib/portside-Portside.desktop)
  grep -qx 'Categories=Development;Network;' <<<"$desktop" || fail "the .rpm's desktop entry has the wrong categories"
  grep -qx 'Icon=/opt/portside/lib/Portside.png' <<<"$desktop" || fail "the .rpm's desktop entry has no icon"
  scripts=$(rpm -qp --scripts "$rpm")
  grep -q 'install -D -m 644 /opt/portside/lib/portside-Portside.desktop' <<<"$scripts" || fail "the .rpm does not install its menu entry"
  grep -q 'rm -f /usr/share/applications/portside-Portside.desktop' <<<"$scripts" || fail "the .rpm does not remove its menu entry"
  echo "ci: .rpm OK: $(basename "$rpm") $(( $(stat -c %s "$rpm") / 1048576 )) MB"
fi

# --- the .deb installed: `portside` on the PATH, then removed -----------------------------------
if [[ ${1:-} != --install ]]; then
  echo "ci: packaging OK (not installed: run with --install to try the .deb on this machine)"
  exit 0
fi
if dpkg-query -W -f '${Status}' portside 2>/dev/null | grep -q 'install ok installed'; then
  echo "ci: SKIPPED the install test: a portside package is installed on this machine already"
  exit 0
fi
sudo_if_needed apt-get update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null
installed_ok=0
cleanup() { [[ $installed_ok == 1 ]] || sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq portside >/dev/null || true; }
trap cleanup EXIT
[[ $(command -v portside) == /usr/bin/portside ]] || fail "installing the .deb put no portside on the PATH"
[[ $(readlink /usr/bin/portside) == /opt/portside/bin/Portside ]] || fail "/usr/bin/portside does not point at the launcher"
[[ -f /usr/share/applications/portside-Portside.desktop ]] || fail "installing the .deb added no menu entry"
bash .ci/smoke-launcher.sh /usr/bin/portside
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq portside >/dev/null
installed_ok=1
hash -r
for gone in /usr/bin/portside /opt/portside /usr/share/applications/portside-Portside.desktop; do
  [[ ! -e $gone && ! -L $gone ]] || fail "removing the package left $gone"
done
echo "ci: .deb installed with apt, portside --version and list --json ran from the PATH, removed cleanly"
echo "ci: packaging OK: app image ${image_mb} MB ($(du -sm "$image" | cut -f1) MB with its CDS archive)"
