#!/bin/sh
# Runs on a lent 16-core device machine (from the repository root, with bench/target/device carried):
# unpacks the kit of pack.sh and records issue 21's strong-scaling table, one fork per strategy,
# into $OUT: strong-scaling.json (compare --format json), its stderr, and the machine's facts.
# Stops the run after ARENA_DEVICE_LIMIT seconds (default 540), so that one device call holds it.
#
#   OUT=/tmp/out bench/device/strong-scaling.sh                 (threads 1,2,4,8,16)
#   OUT=/tmp/out ARENA_THREADS=1,2 bench/device/strong-scaling.sh   (a short rehearsal here)
#
# Then, on the development machine: python3 bench/device/table.py OUT/strong-scaling.json
set -eu
: "${OUT:?set OUT to the folder the results go to}"
kit=${ARENA_KIT:-bench/target/device/kit.tar.gz}
threads=${ARENA_THREADS:-1,2,4,8,16}
limit=${ARENA_DEVICE_LIMIT:-540}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$kit"
{ date -u +%Y-%m-%dT%H:%M:%SZ; echo "commit $(cat "$work/kit/commit")"; nproc; lscpu; uptime; } > "$OUT/machine.txt" 2>&1 || true
set +e
# shellcheck disable=SC2046
timeout --signal=INT --kill-after=30 "$limit" "$work/kit/runtime/bin/java" $(cat "$work/kit/jvm.options") -jar "$work/kit/arena.jar" \
    compare --strategies forkjoin,threads,virtual,reactor,akka,executor --kernels vector --threads "$threads" \
    --schedules static,dynamic:1 --forks 1 --warmup 5 --repeat 10 --max-repeat 30 --format json \
    > "$OUT/strong-scaling.json" 2> "$OUT/strong-scaling.err"
rc=$?
set -e
echo "compare exit $rc" >> "$OUT/strong-scaling.err"
uptime >> "$OUT/machine.txt" 2>&1 || true
tail -n 5 "$OUT/strong-scaling.err"
exit "$rc"
