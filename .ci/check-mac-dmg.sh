#!/usr/bin/env bash
# macOS: mounts target/dist/Portside-*.dmg, copies Portside.app out (as dragging it to Applications
# does, into a temporary folder), runs its launcher through the README's symbolic link, and
# unmounts. Run by `.ci/package.sh --install`.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-mac-dmg: $*" >&2; exit 1; }
dmg=$(ls target/dist/Portside-*.dmg)
tmp=$(mktemp -d)
mnt=$tmp/mnt
cleanup() { hdiutil detach "$mnt" -quiet >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
hdiutil attach "$dmg" -nobrowse -readonly -mountpoint "$mnt" -quiet || fail "hdiutil could not mount $dmg"
[[ -d $mnt/Portside.app ]] || fail "$dmg holds no Portside.app"
mkdir -p "$tmp/Applications" "$tmp/bin"
cp -R "$mnt/Portside.app" "$tmp/Applications/"
# The README's one line, with a temporary folder for /Applications and /usr/local/bin.
ln -sf "$tmp/Applications/Portside.app/Contents/MacOS/Portside" "$tmp/bin/portside"
bash .ci/smoke-launcher.sh "$tmp/bin/portside"
echo "check-mac-dmg: mounted, copied Portside.app out, ran it through a symbolic link"
