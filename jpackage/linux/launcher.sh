#!/bin/sh
# bin/Portside on Linux: starts the app image's Java runtime with the options and class path of
# lib/app/Portside.cfg, as jpackage's own launcher does, without what that launcher does first at
# every start: ask rpm and dpkg which package owns it (`rpm -qf`, `dpkg -S`, and for an installed
# .deb also `dpkg -L portside`), which took 0.1-0.3 s of each start here, longer than
# `portside who 3000` itself (docs/PERFORMANCE.md, "Start-up of a command"). The runtime's launcher
# is started as lib/runtime/bin/Portside (a copy of its `java`), so the process is still named
# Portside. The build puts this file in place of jpackage's launcher (pom.xml, profile `package`).
self=$0
if [ -L "$self" ]; then
    self=$(readlink -f -- "$self") || exit 1
fi
case $self in
    */*) ;;
    *) self=./$self ;;
esac
# the image's folder, absolute and without symbolic links (the CDS archive is checked against it)
root=$(cd -P -- "${self%/*}/.." && pwd -P) || exit 1
bin=$root/bin
app=$root/lib/app

# $APPDIR, $BINDIR and $ROOTDIR in a value of the configuration, as jpackage's launcher expands them
expand() {
    value=$1
    while :; do
        case $value in
            *'$APPDIR'*) value=${value%%'$APPDIR'*}$app${value#*'$APPDIR'} ;;
            *'$BINDIR'*) value=${value%%'$BINDIR'*}$bin${value#*'$BINDIR'} ;;
            *'$ROOTDIR'*) value=${value%%'$ROOTDIR'*}$root${value#*'$ROOTDIR'} ;;
            *) return 0 ;;
        esac
    done
}

# The Java options go after the user's arguments, then those arguments are rotated to the end:
# "$@" is the only list a POSIX shell has.
count=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        java-options=*) expand "${line#java-options=}"; set -- "$@" "$value" ;;
        app.classpath=*) expand "${line#app.classpath=}"; classpath=${classpath:+$classpath:}$value ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
    esac
done < "$app/Portside.cfg" || exit 1
# A command in the terminal (any argument) on Java 17 runs with G1 instead of the configured serial
# collector: on Java 17 only G1 maps the archive's heap objects (the module graph, interned strings;
# cds-archive.sh writes them with G1), 5-15 ms of each command (docs/PERFORMANCE.md, "Start-up of a
# command"). From Java 24 on (the runtime the Linux build links where it can) the serial collector
# loads them too, and starts a few milliseconds sooner than G1. The window keeps the configured
# collector (its memory is measured against an empty window's).
# A command also compiles later (5x the JIT's invocation counts): a one-shot command spent more CPU
# compiling methods it then barely used than it saved (10-35 ms of CPU per command, measured).
# The window starts with a 48 MB heap instead of 16 MB: from 16 MB its start-up went through about
# 15 young and 2 full collections (about 0.15-0.25 s of pauses) growing the heap to the 40-50 MB it
# keeps anyway; from 48 MB, 5-6 young ones. Its resident memory when idle stays the same
# (docs/PERFORMANCE.md, "Start-up of the window"; the pom's javafx:run options say the same).
# And one JIT compiler thread instead of two: on two cores the second one took the FX thread's core
# on the way to the first frame (about 60 ms earlier with one; docs/PERFORMANCE.md, "Third round:
# the window").
# A command maps the commands' own class-data-sharing archive (cds-archive.sh writes both): from Java
# 24 on the window's, with its classes linked, loads all its 6,000 classes at every start.
if [ "$count" -gt 0 ]; then
    runtime_version=
    if [ -r "$root/lib/runtime/release" ]; then
        while IFS= read -r line; do
            case $line in
                JAVA_VERSION=*) runtime_version=${line#JAVA_VERSION=\"}; break ;;
            esac
        done < "$root/lib/runtime/release"
    fi
    case $runtime_version in
        1[0-9].* | 2[0-3].* | '') set -- "$@" -XX:-UseSerialGC -XX:+UseG1GC ;;
    esac
    set -- "$@" -XX:CompileThresholdScaling=5
    if [ -f "$app/portside-cli.jsa" ]; then
        set -- "$@" "-XX:SharedArchiveFile=$app/portside-cli.jsa"
    fi
else
    set -- "$@" -Xms48m -XX:CICompilerCount=1
fi
set -- "$@" "-Djpackage.app-path=$bin/Portside" -cp "$classpath" "$main"
while [ "$count" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    count=$((count - 1))
done
# No GPU device: GTK's own OpenGL off, as dev.portside.RenderingPipeline decides (it says why), set
# here so that the JVM need not load JNA to set it on the way to the first window. A GDK_GL the
# user set wins.
if [ -z "${GDK_GL+set}" ]; then
    gpu=
    for device in /dev/dri/renderD* /dev/dri/card* /dev/nvidia*; do
        if [ -e "$device" ]; then
            gpu=yes
            break
        fi
    done
    [ -n "$gpu" ] || export GDK_GL=disable
fi
exec "$root/lib/runtime/bin/Portside" "$@"
