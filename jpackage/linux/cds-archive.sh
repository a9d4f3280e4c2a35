#!/bin/sh
# Writes lib/app/portside.jsa: a class-data-sharing archive of the classes Portside loads up to its
# first full window (portside.classlist: the JDK's, JavaFX's, the libraries' and ours), which the
# launcher maps at start instead of reading and verifying them from the jars (about a third less
# start-up time); and lib/app/portside-cli.jsa, the same for the commands (portside-cli.classlist).
# The archive only works for the exact path of the jars, so it is written where the app lives: by
# the build for target/dist/Portside and by the .deb's postinst for /opt/portside.
# Without it the app starts normally, just slower. Written with G1, so that it also holds heap
# objects (the module graph, interned strings): on Java 17 only G1 maps them (the launcher runs
# commands with G1; the window's serial collector uses the classes only), on Java 25 (the runtime
# the Linux build links where it can, pom.xml) the serial collector loads them too.
#   cds-archive.sh [APP_IMAGE_DIR]   (default: the image this script is in)
#   cds-archive.sh --options [APP_IMAGE_DIR]   prints the options an archive of that image must be
#                                              written with (classlist.sh and the benchmark use them)
set -eu
print_options=
if [ "${1:-}" = --options ]; then
    print_options=yes
    shift
fi
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
app=$root/lib/app
# The class path exactly as the launcher builds it from its configuration.
cp=$(sed -n "s#^app.classpath=[$]APPDIR#$app#p" "$app/Portside.cfg" | paste -sd: -)
# The configuration's options that an archive must be written with: its module options
# (--enable-native-access=...; an archive written without them is refused for its module graph at
# every start) and the object layout (-XX:+UseCompactObjectHeaders; one written without it is not
# used at all). One string: none of them has a space.
modules=$(sed -n -e 's/^java-options=\(--[a-z-]*=[^ ]*\)$/\1/p' -e 's/^java-options=\(-XX:[+-]UseCompactObjectHeaders\)$/\1/p' \
    "$app/Portside.cfg" | paste -sd' ' -)
if [ -n "$print_options" ]; then
    printf '%s\n' "$modules"
    exit 0
fi
# From Java 24 on an archive also keeps its classes linked (JEP 483, -XX:+AOTClassLinking): the
# window's first frame a quarter sooner (docs/PERFORMANCE.md, "Fifth round"). Such an archive loads
# all its classes when the JVM starts, so the commands get an archive of their own, of their own
# classes (portside-cli.classlist, portside-cli.jsa; the launcher's command branch names it).
# Before Java 24 the lists' "@cp" lines (which constant-pool entries to keep resolved, recorded by
# Java 25's runtime) are not understood, and left out of a copy of each list.
linked=
old=
case $(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$root/lib/runtime/release") in
    1?|2[0-3]|'') old=yes ;;
    *) linked=-XX:+AOTClassLinking ;;
esac
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
dump() { # dump NAME [LINKED]: lib/app/NAME.classlist into lib/app/NAME.jsa
    list=$app/$1.classlist
    if [ -n "$old" ] || [ -z "${2:-}" ]; then
        grep -v '^@cp ' "$list" >"$tmp"
        list=$tmp
    fi
    rm -f "$app/$1.jsa"
    # shellcheck disable=SC2086 # $modules and $2 are lists of options, or empty
    "$root/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" \
        -XX:SharedArchiveFile="$app/$1.jsa" -Xmx256m -XX:+UseG1GC $modules ${2:-} -Xlog:disable \
        -cp "$cp" >/dev/null
}
dump portside "$linked"
# The commands' archive is never linked: picocli is built for Java 5, and a linked archive leaves
# such old classes out (and every class that implements their interfaces), which costs a command
# more than linking saves it.
dump portside-cli
