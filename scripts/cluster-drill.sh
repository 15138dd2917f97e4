#!/usr/bin/env bash
# Cluster drill: three broker processes on this host (`bellwether broker --controller-quorum`, every
# node broker and KRaft controller), topics with replication 3 and min.insync.replicas 2, enrich and aggregate
# in JVMs of their own. The first week of corpus/sample is ingested; once enrich has handled 20 of its
# articles one broker gets kill -9, and the second week is ingested into the remaining two. Then it counts,
# read_committed, every article id in news.articles and news.articles.enriched, and prints what it saw.
# Exit 1 when an article is missing or doubled, or enrich or aggregate is not UP at the end.
# Needs: bin/bellwether (builds on first use), curl, python3.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bw="$root/bin/bellwether"
work="$(mktemp -d "${TMPDIR:-/tmp}/bellwether-cluster.XXXXXX")"
. "$root/scripts/lib/services.sh"

finish() {
  stop_services
  if [ "${DRILL_KEEP:-0}" = 1 ]; then echo "cluster-drill: logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap finish EXIT

say() { echo "cluster-drill: $*" >&2; }
small() { BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" "$@"; }
# Ids of a topic read_committed from the beginning, one per line (duplicates kept).
ids_of() {
  small tail "$1" --from-beginning --idle-ms 15000 --bootstrap-servers "$bootstrap" 2>/dev/null |
    python3 -c 'import sys, json; [print(json.loads(l).get("key")) for l in sys.stdin if l.strip()]'
}
# Articles the enrich process has handled so far, from its /metrics (cheap enough to poll every second).
enriched_so_far() {
  curl -s "http://127.0.0.1:$enrich_port/metrics" |
    awk '/^bellwether_enrich_articles_total/ { sum += $NF } END { printf "%d\n", sum }'
}

"$bw" --version >/dev/null || exit 1

declare -A client
quorum=
for node in 1 2 3; do
  client[$node]="$(free_port)"
  quorum+="${quorum:+,}$node@$(free_port)"
done
bootstrap="127.0.0.1:${client[1]},127.0.0.1:${client[2]},127.0.0.1:${client[3]}"
declare -A broker_pid
for node in 1 2 3; do
  BELLWETHER_JAVA_OPTS="-Xmx768m -XX:+UseG1GC" "$bw" broker --port "${client[$node]}" --data-dir "$work/broker-$node" --node-id "$node" \
    --controller-quorum "$quorum" > "$work/broker-$node.log" 2>&1 &
  broker_pid[$node]=$!
  services+=($!)
done
for node in 1 2 3; do
  await 180 "broker $node" grep -q "broker: ready" "$work/broker-$node.log" || { cat "$work/broker-$node.log" >&2; exit 1; }
done
say "three brokers up: $bootstrap (quorum $quorum)"
small topics create --bootstrap-servers "$bootstrap" --set topics.replication=3 | sed 's/^/  /' >&2

common=(--bootstrap-servers "$bootstrap" --set topics.replication=3)
enrich_port="$(free_port)"
aggregate_port="$(free_port)"
BELLWETHER_JAVA_OPTS="-Xmx3g -XX:+UseG1GC" "$bw" enrich "${common[@]}" --http-port "$enrich_port" --set "state.dir=$work/enrich-state" \
  > "$work/enrich.log" 2>&1 &
services+=($!)
BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseG1GC" "$bw" aggregate "${common[@]}" --http-port "$aggregate_port" --set "state.dir=$work/aggregate-state" \
  --set aggregate.grace=P30D > "$work/aggregate.log" 2>&1 &
services+=($!)
await 300 "enrich" curl -fs "http://127.0.0.1:$enrich_port/health" || { tail -20 "$work/enrich.log" >&2; exit 1; }
await 120 "aggregate" curl -fs "http://127.0.0.1:$aggregate_port/health" || { tail -20 "$work/aggregate.log" >&2; exit 1; }

first_week=("$root"/corpus/sample/2026-10-0[1-7])
second_week=("$root"/corpus/sample/2026-10-0[89] "$root"/corpus/sample/2026-10-1?)
say "ingesting the first week ($(date -u +%H:%M:%S))"
small ingest files "${common[@]}" "${first_week[@]}" > "$work/ingest-1.log" 2>&1
tail -1 "$work/ingest-1.log" | sed 's/^/  /' >&2
# The kill lands while enrich is still working through the first week.
before=0
for tries in $(seq 300); do
  before="$(enriched_so_far)"
  (( before >= 20 )) && break
  sleep 1
done
victim=2
say "kill -9 broker $victim (pid ${broker_pid[$victim]}) after enrich handled $before articles ($(date -u +%H:%M:%S))"
kill -9 "${broker_pid[$victim]}"
wait "${broker_pid[$victim]}" 2>/dev/null
say "ingesting the second week into the two brokers left"
small ingest files "${common[@]}" "${second_week[@]}" > "$work/ingest-2.log" 2>&1
tail -1 "$work/ingest-2.log" | sed 's/^/  /' >&2

ids_of news.articles > "$work/articles.ids"
expected="$(sort -u "$work/articles.ids" | wc -l)"
for tries in $(seq 90); do
  ids_of news.articles.enriched > "$work/enriched.ids"
  (( $(sort -u "$work/enriched.ids" | wc -l) >= expected )) && break
  sleep 5
done
enriched="$(wc -l < "$work/enriched.ids")"
enriched_distinct="$(sort -u "$work/enriched.ids" | wc -l)"
articles="$(wc -l < "$work/articles.ids")"
missing="$(comm -23 <(sort -u "$work/articles.ids") <(sort -u "$work/enriched.ids") | wc -l)"
scores="$(small tail news.narrative-scores --from-beginning --idle-ms 10000 --bootstrap-servers "$bootstrap" 2>/dev/null | wc -l)"
enrich_health="$(curl -s "http://127.0.0.1:$enrich_port/health" | python3 -c 'import sys, json; print(json.load(sys.stdin)["status"])')"
aggregate_health="$(curl -s "http://127.0.0.1:$aggregate_port/health" | python3 -c 'import sys, json; print(json.load(sys.stdin)["status"])')"

echo "cluster drill: broker $victim of 3 killed (-9) after enrich handled $before of the first week's articles"
echo "  news.articles:          $articles records, $expected distinct ids"
echo "  news.articles.enriched: $enriched records, $enriched_distinct distinct ids, $missing articles missing"
echo "  news.narrative-scores:  $scores records"
echo "  enrich $enrich_health, aggregate $aggregate_health; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if (( articles == expected && enriched == expected && missing == 0 )) \
    && [ "$enrich_health" = UP ] && [ "$aggregate_health" = UP ]; then
  echo "  every article exactly once"
  exit 0
fi
echo "  FAILED"
exit 1
