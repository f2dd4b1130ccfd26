#!/bin/sh
# Packs what a lent device machine (no JDK there) needs to run the arena: a jlinked Java runtime of
# the modules the jar uses without charts, the shaded jar and its JVM flags, as one gzip'd tar under
# the device tool's 64 MiB carry limit.
#
#   bench/device/pack.sh        (from the repository root; builds the jar first when needed)
#
# Writes bench/target/device/kit.tar.gz (ignored by git); carry "bench/target/device" to the device
# and run bench/device/strong-scaling.sh there. Needs a JDK 21+ with jlink (the one ./arena finds).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./arena --version >/dev/null                       # builds bench/target/arena.jar when it is missing or stale
jdk=$(cat bench/target/arena.jdk 2>/dev/null || true)
[ -n "$jdk" ] && [ -x "$jdk/bin/jlink" ] || jdk=${JAVA_HOME:?"set JAVA_HOME to the JDK that built the jar"}
out=bench/target/device
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/kit"
# What jdeps finds in the jar (java.desktop only for the PNG charts, which a device run does not draw),
# plus the JDK's management extensions (per-thread CPU time, GC and compilation counts).
"$jdk/bin/jlink" --add-modules java.base,java.management,java.naming,java.sql,jdk.incubator.vector,jdk.jfr,jdk.unsupported,jdk.management \
    --strip-debug --no-header-files --no-man-pages --output "$work/kit/runtime" 2>&1 | grep -v 'incubator' >&2 || true
[ -x "$work/kit/runtime/bin/java" ] || { echo "pack.sh: jlink made no runtime" >&2; exit 1; }
cp bench/target/arena.jar bench/target/classes/arena/jvm.options "$work/kit/"
git -C "$root" rev-parse --short=12 HEAD > "$work/kit/commit" 2>/dev/null || echo unknown > "$work/kit/commit"
mkdir -p "$out"
tar -C "$work" -cf - kit | gzip -9 > "$out/kit.tar.gz"
size=$(wc -c < "$out/kit.tar.gz")
limit=$((64 * 1024 * 1024))
if [ "$size" -gt "$limit" ]; then
  echo "pack.sh: $out/kit.tar.gz is $size bytes, over the device tool's carry limit of $limit" >&2
  exit 1
fi
echo "pack.sh: $out/kit.tar.gz, $((size / 1048576)) MiB, commit $(cat "$work/kit/commit")"
