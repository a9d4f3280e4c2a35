#!/bin/sh
# Writes lib/app/portside.jsa: a class-data-sharing archive of the classes Portside loads up to its
# first full window (portside.classlist: the JDK's, JavaFX's, the libraries' and ours), which the
# launcher maps at start instead of reading and verifying them from the jars (about a third less
# start-up time). On Java 17 the archive only works for the exact path of the jars, so it is
# written where the app lives: by the build for target/dist/Portside and by the .deb's postinst for
# /opt/portside. Without it the app starts normally, just slower. Written with G1, so that it also
# holds heap objects (the module graph, interned strings), which on Java 17 only G1 maps: the
# launcher runs commands with G1 and the window with its own collector, which uses the classes only.
#   cds-archive.sh [APP_IMAGE_DIR]   (default: the image this script is in)
set -eu
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
app=$root/lib/app
# The class path exactly as the launcher builds it from its configuration.
cp=$(sed -n "s#^app.classpath=[$]APPDIR#$app#p" "$app/Portside.cfg" | paste -sd: -)
rm -f "$app/portside.jsa"
"$root/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/portside.classlist" \
    -XX:SharedArchiveFile="$app/portside.jsa" -Xmx256m -XX:+UseG1GC -Xlog:disable \
    -cp "$cp" >/dev/null
