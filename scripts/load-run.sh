#!/usr/bin/env bash
# Sustained-load run: a broker and the enrich service each in a JVM of its own, then `bench load`
# driving ingest into them and printing a line every 30 s (elapsed, ingested, enriched, lag, enrich heap, p99)
# and a summary. Without --rate, bench load first measures what enrich holds and runs at 80% of it.
#
#   scripts/load-run.sh                      # 10 minutes, rate measured first
#   scripts/load-run.sh --duration 60s --rate 2
#
# Every argument goes to `bin/bellwether bench load`. Environment: ENRICH_HEAP (default 3g), ENRICH_THREADS
# (default: cores), LOAD_KEEP=1 keeps the work directory (logs, broker data). Exit status: that of bench load.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bw="$root/bin/bellwether"
work="$(mktemp -d "${TMPDIR:-/tmp}/bellwether-load.XXXXXX")"
. "$root/scripts/lib/services.sh"

finish() {
  stop_services
  if [ "${LOAD_KEEP:-0}" = 1 ]; then echo "load-run: logs and data kept in $work" >&2; else rm -rf "$work"; fi
}
trap finish EXIT

say() { echo "load-run: $*" >&2; }

# Build once up front, so the three JVMs below do not race to build.
"$bw" --version >/dev/null || exit 1

broker_port="$(free_port)"
enrich_port="$(free_port)"
bootstrap="127.0.0.1:$broker_port"

say "broker on $bootstrap (work directory $work)"
BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseG1GC" "$bw" broker --port "$broker_port" --data-dir "$work/broker" \
  > "$work/broker.log" 2>&1 &
services+=($!)
await 120 "the broker" grep -q "broker: ready" "$work/broker.log" || { cat "$work/broker.log" >&2; exit 1; }

threads="${ENRICH_THREADS:-$(nproc)}"
say "enrich with -Xmx${ENRICH_HEAP:-3g}, $threads stream thread(s), /metrics on port $enrich_port"
BELLWETHER_JAVA_OPTS="-Xmx${ENRICH_HEAP:-3g} -XX:+UseG1GC" "$bw" enrich --bootstrap-servers "$bootstrap" \
  --http-port "$enrich_port" --set "state.dir=$work/state" --set "streams.threads=$threads" \
  > "$work/enrich.log" 2>&1 &
services+=($!)
await 300 "enrich to be UP" curl -fs "http://127.0.0.1:$enrich_port/health" || { tail -20 "$work/enrich.log" >&2; exit 1; }

say "started $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseG1GC" "$bw" bench load --bootstrap-servers "$bootstrap" \
  --enrich-metrics "http://127.0.0.1:$enrich_port/metrics" --corpus "$root/corpus" "$@"
status=$?
say "finished $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg), exit $status"
exit $status
