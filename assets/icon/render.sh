#!/usr/bin/env bash
# Renders every icon file from the one source, portside.svg:
#   png/portside-N.png      N = 16 24 32 48 64 128 256 512  (Linux, the window, README)
#   portside.ico            16…256 in one file               (Windows installer and shortcuts)
#   portside.icns           16…512                            (macOS bundle)
#   ../../src/main/resources/dev/portside/icons/portside-N.png  (the window's icons)
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns):
#   apt-get install librsvg2-bin imagemagick icnsutils
# Run it after editing the SVG and commit the results (they are small).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
# The real ImageMagick, even where another 'convert' comes first on the PATH.
im=convert
for c in /usr/bin/convert-im6.q16 /usr/bin/convert; do [[ -x $c ]] && { im=$c; break; }; done
for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (see the comment at the top)" >&2; exit 1; }
done

sizes=(16 24 32 48 64 128 256 512)
mkdir -p png
for n in "${sizes[@]}"; do
  rsvg-convert --width "$n" --height "$n" --format png portside.svg --output "png/portside-$n.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
"$im" png/portside-{16,24,32,48,64,128,256}.png portside.ico

# macOS: png2icns takes the sizes the format knows (16, 32, 48, 128, 256, 512).
png2icns portside.icns png/portside-{16,32,48,128,256,512}.png >/dev/null

# The window's icons (JavaFX picks the best size for the title bar, taskbar and switcher).
res=../../src/main/resources/dev/portside/icons
mkdir -p "$res"
for n in 16 32 48 64 128 256; do cp "png/portside-$n.png" "$res/"; done

echo "render.sh: wrote png/, portside.ico, portside.icns and $res"
