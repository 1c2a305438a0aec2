#!/usr/bin/env bash
# The Shopify adapter's runtime footprint: the jars a consumer's class path gains with preorder-sync-shopify, and how
# long a fresh JVM takes to its first completed publish against the simulator (running in a JVM of its own).
#
#   scripts/adapter-footprint.sh            # 5 measured runs after one warm-up run of the simulator
#   RUNS=10 MVN_ARGS=-o scripts/adapter-footprint.sh
#
# BENCHMARKS.md quotes its output. It installs the modules it needs into the local repository first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/preorder-sync-footprint.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
mvn -B -ntp -q ${MVN_ARGS:-} -pl benchmarks -am -DskipTests install
# shellcheck disable=SC2086
mvn -B -ntp -q ${MVN_ARGS:-} -pl shopify-adapter dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$work/runtime.cp"

adapter_jar="$(ls shopify-adapter/target/preorder-sync-shopify-*.jar | grep -v -e sources -e javadoc | head -1)"
{ echo "$adapter_jar"; tr ':' '\n' < "$work/runtime.cp"; } | grep -v '^$' > "$work/jars"
echo "runtime class path of preorder-sync-shopify (the adapter jar and every runtime dependency):"
xargs -d '\n' stat -c '%s %n' < "$work/jars" | sort -rn | awk '
  { n++; total += $1; name = $2; sub(".*/", "", name); printf "  %8.2f MiB  %s\n", $1 / 1048576, name }
  END { printf "  %d jars, %.2f MiB in total\n", n, total / 1048576 }'

client_cp="$(paste -sd: "$work/jars"):benchmarks/target/classes"
main=co.hotwax.preorder.benchmarks.AdapterFirstRequest

# The simulator: the testkit and its graphql-java stay in this JVM, out of the measured one. It stops when its
# standard input closes (at the end of this script) or after ten minutes.
mkfifo "$work/server-in"
java -Dsun.net.httpserver.nodelay=true -cp benchmarks/target/benchmarks.jar "$main" serve $((runs + 1)) \
  < "$work/server-in" > "$work/server-out" 2> "$work/server-err" &
server_pid=$!
exec 3> "$work/server-in"
for _ in $(seq 1 300); do
  [[ -s "$work/server-out" ]] && break
  sleep 0.1
done
read -r endpoint shop location < "$work/server-out" || { cat "$work/server-err" >&2; exit 2; }

echo "first publish from a fresh JVM (java -cp <the jars above> ...); run 0 warms the simulator and is not counted:"
for i in $(seq 0 "$runs"); do
  # No slf4j binding on this class path: the adapter's logging is the consumer's choice, so slf4j's notice is dropped.
  line="$(java -cp "$client_cp" "$main" publish "$endpoint" "$shop" "$location" "SKU-$((i + 1))" \
    2> "$work/client-err")" || { cat "$work/client-err" >&2; exit 2; }
  echo "  run $i: $line"
  if [[ "$i" -gt 0 ]]; then
    echo "$line" >> "$work/runs"
  fi
done
exec 3>&-
wait "$server_pid" || true
server_pid=""

median() {
  tr ' ' '\n' < "$work/runs" | grep "^$1=" | cut -d= -f2 | sort -n \
    | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
echo "median of $runs runs: JVM start to first publish done $(median jvm_to_first_done_ms) ms wall," \
  "$(median cpu_to_first_done_ms) ms CPU" \
  "(JVM start to main $(median jvm_to_main_ms) ms, publisher built $(median build_ms) ms," \
  "first publish $(median first_publish_ms) ms in $(median first_requests) requests);" \
  "a second publish $(median second_publish_ms) ms; $(median loaded_classes) classes loaded"
java -version 2>&1 | head -1
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
