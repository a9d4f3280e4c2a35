#!/bin/sh
# Writes lib/app/portside.jsa: a class-data-sharing archive of the classes Portside loads up to its
# first full window (portside.classlist: the JDK's, JavaFX's, the libraries' and ours), which the
# launcher maps at start instead of reading and verifying them from the jars (about a third less
# start-up time). The archive only works for the exact path of the jars, so it is written where the
# app lives: by the build for target/dist/Portside and by the .deb's postinst for /opt/portside.
# Without it the app starts normally, just slower. Written with G1, so that it also holds heap
# objects (the module graph, interned strings): on Java 17 only G1 maps them (the launcher runs
# commands with G1; the window's serial collector uses the classes only), on Java 25 (the runtime
# the Linux build links where it can, pom.xml) the serial collector loads them too.
#   cds-archive.sh [APP_IMAGE_DIR]   (default: the image this script is in)
set -eu
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
app=$root/lib/app
# The class path exactly as the launcher builds it from its configuration.
cp=$(sed -n "s#^app.classpath=[$]APPDIR#$app#p" "$app/Portside.cfg" | paste -sd: -)
# The configuration's module options (--enable-native-access=...): an archive written without them
# is refused for its module graph at every start (one string: none of them has a space).
modules=$(sed -n 's/^java-options=\(--[a-z-]*=[^ ]*\)$/\1/p' "$app/Portside.cfg" | paste -sd' ' -)
# From Java 24 on the archive also keeps its classes linked (JEP 483, -XX:+AOTClassLinking): the
# window's first frame a quarter sooner (docs/PERFORMANCE.md, "Fifth round").
# Before Java 24 the list's "@cp" lines (which constant-pool entries to keep resolved, recorded by
# Java 25's runtime) are not understood, and left out of a copy of the list.
list=$app/portside.classlist
linked=
case $(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$root/lib/runtime/release") in
    1?|2[0-3]|'')
        list=$(mktemp)
        trap 'rm -f "$list"' EXIT
        grep -v '^@cp ' "$app/portside.classlist" >"$list" ;;
    *) linked=-XX:+AOTClassLinking ;;
esac
rm -f "$app/portside.jsa"
# shellcheck disable=SC2086 # $modules and $linked are lists of options, or empty
"$root/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" \
    -XX:SharedArchiveFile="$app/portside.jsa" -Xmx256m -XX:+UseG1GC $modules $linked -Xlog:disable \
    -cp "$cp" >/dev/null
