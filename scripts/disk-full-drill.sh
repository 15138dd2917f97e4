#!/usr/bin/env bash
# Disk-full drill: the broker's data directory is a small tmpfs. After a first day of the sample corpus, `ingest files`
# publishes the other days, and once it has connected the tmpfs is filled to the last byte, so the
# broker runs out of space with that run still to publish. The drill watches what ingest
# and the broker say, frees the space once ingest has said it is retrying, restarts the broker on the same data
# directory if the full disk stopped it, and lets ingest finish. Then every article ingest reported as published is
# read back (read_committed, kcat): each key once, none missing. Prints what was tried and what came out; exit 1 if
# an article is missing or doubled, or ingest gave up.
# Needs: root (to mount the tmpfs), bin/bellwether, kcat (Debian kafkacat), python3. About 3 minutes.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bw="$root/bin/bellwether"
# shellcheck source=lib/services.sh
. "$root/scripts/lib/services.sh"
work="$(mktemp -d)"
data="$work/broker-data"
size=${DISK_FULL_TMPFS:-64m}
say() { echo "disk-full-drill: $*" >&2; }

mkdir -p "$data"
if ! mount -t tmpfs -o "size=$size" tmpfs "$data"; then
  say "cannot mount a tmpfs on $data (needs root); nothing was tried"
  rm -rf "$work"
  exit 2
fi
cleanup() {
  stop_services
  umount "$data" 2>/dev/null
  if [ -n "${KEEP_WORK:-}" ]; then say "work dir kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

port=$(free_port)
bs="127.0.0.1:$port"
broker_runs=0
start_broker() {
  broker_runs=$((broker_runs + 1))
  BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$bw" broker --port "$port" --data-dir "$data/kafka" \
    > "$work/broker-$broker_runs.log" 2>&1 &
  broker_pid=$!
  services+=("$broker_pid")
  await 240 "broker ready" grep -q 'broker: ready' "$work/broker-$broker_runs.log" || exit 1
}
start_broker
"$bw" topics create --bootstrap-servers "$bs" > "$work/topics.log" 2>&1 || { cat "$work/topics.log" >&2; exit 1; }

# A first day of articles before the disk fills: the broker creates the transaction state topic's 50 partitions,
# so the space runs out among the article batches of the second run, not at the coordinator's first write.
BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" ingest files "$root/corpus/sample/2026-10-01" \
  --bootstrap-servers "$bs" > "$work/ingest-first.log" 2>&1 || { cat "$work/ingest-first.log" >&2; exit 1; }
first=$(sed -n 's/^done: published \([0-9]*\).*/\1/p' "$work/ingest-first.log")

BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" ingest files "$root"/corpus/sample/2026-10-{02..14} \
  --bootstrap-servers "$bs" > "$work/ingest.log" 2>&1 &
ingest_pid=$!
services+=("$ingest_pid")
committed() {
  kcat -C -b "$bs" -t news.articles -o beginning -e -q -X isolation.level=read_committed -f '%k\n' 2>/dev/null | grep -c .
}
# The disk fills as soon as the second run has connected and read its dedup state, before its first commit, so the
# fault strikes with all of that run still to publish (a run of the sample corpus takes well under a second).
start=$SECONDS
until grep -q '^dedup:' "$work/ingest.log"; do
  kill -0 "$ingest_pid" 2>/dev/null && (( SECONDS - start < 300 )) || { say "ingest did not start"; exit 1; }
  sleep 0.05
done
dd if=/dev/zero of="$data/filler" bs=4k status=none 2>/dev/null
at_fill=$(committed)
say "tmpfs $size filled at $at_fill committed articles: $(df --output=avail -k "$data" | tail -1 | tr -d ' ') KB left"

# Wait for the fault to show: ingest says it retries, or the broker stops, or ingest ends (then the disk never filled).
start=$SECONDS
until grep -q 'retrying' "$work/ingest.log" || ! kill -0 "$broker_pid" 2>/dev/null \
    || ! kill -0 "$ingest_pid" 2>/dev/null; do
  (( SECONDS - start < 300 )) || { say "no fault within 300 s"; exit 1; }
  sleep 0.5
done
# Space comes back only once ingest has said it is retrying: the point is that it waits and says so.
start=$SECONDS
until grep -q 'retrying (attempt' "$work/ingest.log" || ! kill -0 "$ingest_pid" 2>/dev/null; do
  (( SECONDS - start < 180 )) || { say "ingest said nothing about the broker within 180 s"; break; }
  sleep 0.5
done
sleep 3 # a few more retries, so the output shows the backoff
broker_stopped=no
kill -0 "$broker_pid" 2>/dev/null || broker_stopped=yes
if [ "$broker_stopped" = no ] && ! grep -q 'retrying' "$work/ingest.log"; then
  say "ingest finished before the disk filled: nothing was tried"
  exit 1
fi
disk_error=$(grep -h -m1 -o 'No space left on device' "$work"/broker-*.log || echo "none logged")
retries_seen=$(grep -c 'retrying (attempt' "$work/ingest.log")
storage_errors=$(grep -c 'KAFKA_STORAGE_ERROR' "$work/ingest.log")
say "fault: broker stopped: $broker_stopped; broker log: $disk_error; ingest's retry lines so far: $retries_seen;"\
" the producer's KAFKA_STORAGE_ERROR warnings: $storage_errors"
grep -m2 'retrying (attempt' "$work/ingest.log" | sed 's/^/disk-full-drill:   ingest: /' >&2

rm -f "$data/filler"
say "space freed: $(df --output=avail -k "$data" | tail -1 | tr -d ' ') KB left"
if [ "$broker_stopped" = yes ]; then
  say "restarting the broker on the same data directory"
  start_broker
fi

await 600 "ingest to finish" bash -c "! kill -0 $ingest_pid" || exit 1
wait "$ingest_pid"
ingest_rc=$?
second=$(sed -n 's/^done: published \([0-9]*\).*/\1/p' "$work/ingest.log")
retries_total=$(grep -c 'retrying (attempt' "$work/ingest.log")
say "ingest exited $ingest_rc: $(grep '^done:' "$work/ingest.log" || echo 'no done line'); $retries_total retry lines in all"
[ -n "$second" ] || { tail -20 "$work/ingest.log" >&2; exit 1; }
published=$((first + second))

kcat -C -b "$bs" -t news.articles -o beginning -e -q -X isolation.level=read_committed -f '%k\n' 2>/dev/null \
  > "$work/keys.txt"
total=$(grep -c . "$work/keys.txt")
distinct=$(sort -u "$work/keys.txt" | grep -c .)
say "news.articles read back: $total records, $distinct distinct keys; ingest reported $published published ($first before the disk filled, $second in the run it filled under)"
echo "| disk full on the broker's data dir during ingest ($size tmpfs, filled at $at_fill committed articles) | broker stopped: $broker_stopped; broker log: $disk_error; $storage_errors KAFKA_STORAGE_ERROR produce responses; ingest said it retried ($retries_seen lines before the space came back, $retries_total in all), exit $ingest_rc | news.articles: $distinct of $published articles, $((total - distinct)) doubled |"
[ "$ingest_rc" = 0 ] && [ "$distinct" = "$published" ] && [ "$total" = "$distinct" ]
