#!/usr/bin/env bash
# Fault drills: kill -9 the enrich process, kill -9 the aggregate process, and kill -9 the broker, each in
# the middle of a stream of sample articles, with every service a separate JVM started through bin/bellwether. Each
# drill runs on a fresh broker; after it, the read_committed outputs are checked (every article once in
# news.articles.enriched, one final per score window) and the final scores are compared with a clean run: a replay
# of the same articles, without faults, into *.clean topics. Prints a Markdown table; exit 1 if any check fails.
# Needs: bin/bellwether (builds on first use), kcat (Debian kafkacat), python3. About 12 minutes on a busy 2-core machine.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bw="$root/bin/bellwether"
work="$(mktemp -d)"
rows="$work/rows.tsv"
: > "$rows"
pids=()
days=(2026-10-01 2026-10-02 2026-10-03 2026-10-04 2026-10-05)
grace=P6D                       # longer than the input's event-time spread: no article is ever late
closing_at=2026-10-15T00:00:00Z # after every window of the input plus grace: every window emits its final
replay_to=2026-10-15T00:00:01Z
outage_seconds=${OUTAGE_SECONDS:-5}

# Background JVMs start as plain commands (env, not a shell function), so each $! is the JVM itself: the launcher
# execs java. kill -9 therefore hits the service, not a wrapper.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  if [ -n "${KEEP_WORK:-}" ]; then echo "fault-drills: work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

say() { echo "fault-drills: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }
alive() { kill -0 "$1" 2>/dev/null; }
die() { say "$*"; exit 1; }

start_broker() { # DIR LOGNAME: (re)starts the broker on $port with data in DIR
  env BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$bw" broker --port "$port" --data-dir "$1/broker" \
    > "$1/$2.log" 2>&1 &
  broker_pid=$!
  pids+=("$broker_pid")
  local start=$SECONDS
  until grep -q 'broker: ready' "$1/$2.log"; do
    alive "$broker_pid" && (( SECONDS - start < 240 )) || { cat "$1/$2.log" >&2; die "broker did not start"; }
    sleep 0.5
  done
}
start_enrich() { # DIR NAME
  env BELLWETHER_JAVA_OPTS="-Xmx3g -XX:+UseSerialGC" "$bw" enrich --bootstrap-servers "$bs" --http-port 0 \
    --set state.dir="$1/enrich-state" --set enrich.time-budget-ms=120000 > "$1/$2.log" 2>&1 &
  enrich_pid=$!
  pids+=("$enrich_pid")
}
start_aggregate() { # DIR NAME
  env BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" aggregate --bootstrap-servers "$bs" --http-port 0 \
    --set state.dir="$1/aggregate-state" --set aggregate.grace="$grace" > "$1/$2.log" 2>&1 &
  aggregate_pid=$!
  pids+=("$aggregate_pid")
}
stop() { # PID: SIGTERM and wait for the shutdown hooks
  local pid=$1 i
  kill "$pid" 2>/dev/null
  for i in $(seq 120); do alive "$pid" || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null
}
keys() { # TOPIC: the keys of every committed record, one a line
  kcat -C -b "$bs" -t "$1" -o beginning -e -q -X isolation.level=read_committed -f '%k\n' 2>/dev/null
}
committed() { keys "$1" | grep -c .; }
await_committed() { # TOPIC AT-LEAST PID: polls until TOPIC holds AT-LEAST committed records; prints the count
  local n start=$SECONDS
  while :; do
    n=$(committed "$1")
    (( n >= $2 )) && { echo "$n"; return 0; }
    alive "$3" && (( SECONDS - start < 600 )) || die "$1 stuck at $n of $2 committed records"
    sleep 0.3
  done
}
await_new_output() { # TOPIC BEFORE T0: seconds from T0 until TOPIC holds more than BEFORE committed records
  local t0=$3 start=$SECONDS
  until (( $(committed "$1") > $2 )); do
    (( SECONDS - start < 600 )) || die "$1 never grew past $2"
    sleep 0.3
  done
  since "$t0"
}
await_all_enriched() { # INPUT-KEYS-FILE: until every input id is in news.articles.enriched
  local start=$SECONDS
  until [ -z "$(keys news.articles.enriched | sort -u | comm -23 <(sort -u "$1") -)" ]; do
    (( SECONDS - start < 600 )) || { say "enrichment never completed"; return 1; }
    sleep 1
  done
}
await_quiet() { # TOPIC SECONDS: until TOPIC's committed count has not changed for SECONDS
  local last=-1 n same=0
  while (( same < $2 )); do
    n=$(committed "$1")
    if (( n == last )); then same=$((same + 1)); else same=0; last=$n; fi
    sleep 1
  done
}
ingest() { # FILE...: publishes, then waits until read_committed readers see everything published so far
  local published
  env BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" ingest files "$@" --bootstrap-servers "$bs" \
    --http-port 0 > "$work/ingest.log" 2>&1 || { cat "$work/ingest.log" >&2; die "ingest failed"; }
  published=$(sed -n 's/^done: published \([0-9]*\).*/\1/p' "$work/ingest.log")
  ingested=$((ingested + published))
  await_committed news.articles "$ingested" "$broker_pid" > /dev/null || exit 1
}
tail_topic() { # TOPIC FILE [IDLE-MS]
  env BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" tail "$1" --from-beginning --idle-ms "${3:-5000}" \
    --bootstrap-servers "$bs" > "$2" 2> "$2.err"
}
finals() { python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if l.startswith("{") and json.loads(l)["value"]["final"]))' "$1"; }

# Cue phrases of every narrative, under the learned layers' 30 words: the threshold rule labels it for each one.
closing_file="$work/closing.json"
cat > "$closing_file" <<JSON
{"title": "Open weights, the AI Act, hyperscaler capex",
 "body": "Open-weight models keep research honest, labs say. The AI Act wants a licensing regime. Every hyperscaler raises capex.",
 "url": "https://news.example/reliability/closing", "source": "reliability-drill", "publishedAt": "$closing_at"}
JSON
inputs=()
for day in "${days[@]}"; do inputs+=("$root/corpus/sample/$day"); done

# One drill on a fresh broker: KIND is enrich, aggregate or broker. Appends a row to $rows and leaves the committed
# outputs as JSON lines in the drill's directory.
drill() {
  local name=$1 kind=$2 d="$work/$1" n at before recovery what t0
  mkdir -p "$d"
  port=$(free_port); bs="127.0.0.1:$port"
  say "$name: broker on $bs"
  start_broker "$d" broker-1
  ingested=0
  ingest "${inputs[@]}"
  keys news.articles | sort -u > "$d/input.keys"
  n=$(grep -c . "$d/input.keys")
  start_aggregate "$d" aggregate-1
  start_enrich "$d" enrich-1
  case $kind in
    enrich)
      at=$(await_committed news.articles.enriched $((n / 3)) "$enrich_pid") || exit 1
      t0=$(now); kill -9 "$enrich_pid"; wait "$enrich_pid" 2>/dev/null
      before=$(committed news.articles.enriched)
      what="kill -9 enrich after $before of $n articles committed; restart"
      start_enrich "$d" enrich-2
      recovery=$(await_new_output news.articles.enriched "$before" "$t0") || exit 1 ;;
    aggregate)
      await_committed news.articles.enriched $((n / 3)) "$enrich_pid" > /dev/null || exit 1
      await_committed news.narrative-scores 1 "$aggregate_pid" > /dev/null || exit 1
      t0=$(now); kill -9 "$aggregate_pid"; wait "$aggregate_pid" 2>/dev/null
      before=$(committed news.narrative-scores)
      what="kill -9 aggregate after $before narrative score records ($(committed news.articles.enriched) of $n articles enriched); restart"
      start_aggregate "$d" aggregate-2
      recovery=$(await_new_output news.narrative-scores "$before" "$t0") || exit 1 ;;
    broker)
      await_committed news.articles.enriched $((n / 3)) "$enrich_pid" > /dev/null || exit 1
      before=$(committed news.articles.enriched)
      t0=$(now); kill -9 "$broker_pid"; wait "$broker_pid" 2>/dev/null
      what="kill -9 broker after $before of $n articles enriched; down ${outage_seconds} s, restart on the same port and data dir"
      sleep "$outage_seconds"
      start_broker "$d" broker-2
      recovery=$(await_new_output news.articles.enriched "$before" "$t0") || exit 1
      alive "$enrich_pid" || what="$what; ENRICH EXITED" ;;
  esac
  say "$name: $what; output grew again after $recovery s"
  await_all_enriched "$d/input.keys" || what="$what; ENRICHMENT INCOMPLETE"
  await_quiet news.narrative-scores 5
  ingest "$closing_file"
  keys news.articles | sort -u > "$d/with-closing.keys"
  await_all_enriched "$d/with-closing.keys" || what="$what; CLOSING ARTICLE NOT ENRICHED"
  stop "$enrich_pid"
  if [ ! -f "$work/clean-narrative.jsonl" ]; then clean_run "$d"; fi
  await_finals "$d"
  stop "$aggregate_pid"
  for topic in news.articles news.articles.enriched news.narrative-scores news.entity-scores; do
    tail_topic "$topic" "$d/$topic.jsonl"
  done
  stop "$broker_pid"
  printf '%s\t%s\t%s\t%s\n' "$name" "$what" "$recovery" "$d" >> "$rows"
}

# The clean run: a replay of the same articles (closing one included) without any fault, into *.clean topics.
clean_run() { # DIR
  say "clean run: replay into *.clean"
  env BELLWETHER_JAVA_OPTS="-Xmx3g -XX:+UseSerialGC" "$bw" replay --from 2026-09-01T00:00:00Z \
    --to "$replay_to" --target-suffix clean --bootstrap-servers "$bs" \
    --set state.dir="$1/replay-state" --set enrich.time-budget-ms=120000 --set aggregate.grace="$grace" \
    > "$1/replay.log" 2>&1 || { tail -20 "$1/replay.log" >&2; die "clean replay failed"; }
  tail_topic news.articles.enriched.clean "$work/clean-enriched.jsonl"
  tail_topic news.narrative-scores.clean "$work/clean-narrative.jsonl"
  tail_topic news.entity-scores.clean "$work/clean-entity.jsonl"
}

await_finals() { # DIR: until the live topics hold as many finals as the clean run (or 5 minutes passed)
  local want_n want_e start=$SECONDS
  want_n=$(finals "$work/clean-narrative.jsonl"); want_e=$(finals "$work/clean-entity.jsonl")
  while (( SECONDS - start < 300 )); do
    tail_topic news.narrative-scores "$1/poll-n.jsonl" 1500
    tail_topic news.entity-scores "$1/poll-e.jsonl" 1500
    (( $(finals "$1/poll-n.jsonl") >= want_n && $(finals "$1/poll-e.jsonl") >= want_e )) && return 0
    sleep 2
  done
  say "the live aggregate never reached the clean run's $want_n narrative and $want_e entity finals"
}

"$bw" --help > /dev/null || exit 1   # builds the jars when needed, before any background start
command -v kcat > /dev/null || die "kcat is missing (Debian package kafkacat)"
started=$SECONDS
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
drill "kill-enrich" enrich
drill "kill-aggregate" aggregate
drill "kill-broker" broker
say "drills took $((SECONDS - started)) s"

python3 - "$rows" "$work" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$((SECONDS - started))" <<'PY'
import json, sys
from collections import Counter
rows_path, work, load_before, load_after, seconds = sys.argv[1:6]

def load(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("{"):
            out.append(json.loads(line))
    return out

def finals(records):
    """key -> list of final values (a key with two finals is a doubled final)."""
    out = {}
    for r in records:
        if r["value"]["final"]:
            out.setdefault(r["key"], []).append(r["value"])
    return out

clean_enriched = {r["key"]: r["value"] for r in load(f"{work}/clean-enriched.jsonl")}
clean_n = finals(load(f"{work}/clean-narrative.jsonl"))
clean_e = finals(load(f"{work}/clean-entity.jsonl"))
failed = 0
print("| drill | what was done | input | output | duplicates | missing | finals = clean run | recovery |")
print("|---|---|---|---|---|---|---|---|")
for line in open(rows_path, encoding="utf-8"):
    name, what, recovery, d = line.rstrip("\n").split("\t")
    inputs = {r["key"] for r in load(f"{d}/news.articles.jsonl")}
    enriched = load(f"{d}/news.articles.enriched.jsonl")
    counts = Counter(r["key"] for r in enriched)
    duplicates = sum(c - 1 for c in counts.values())
    missing = len(inputs - set(counts))
    live_n = finals(load(f"{d}/news.narrative-scores.jsonl"))
    live_e = finals(load(f"{d}/news.entity-scores.jsonl"))
    doubled = sum(len(v) > 1 for v in list(live_n.values()) + list(live_e.values()))
    same_values = all(clean_enriched.get(r["key"]) == r["value"] for r in enriched)
    equal = live_n == clean_n and live_e == clean_e and doubled == 0
    verdict = (f"yes ({len(live_n)} narrative, {len(live_e)} entity finals)" if equal else
               f"NO: {len(live_n)}/{len(clean_n)} narrative, {len(live_e)}/{len(clean_e)} entity finals, "
               f"{sum(live_n.get(k) != v for k, v in clean_n.items())} narrative and "
               f"{sum(live_e.get(k) != v for k, v in clean_e.items())} entity windows differ, {doubled} doubled")
    if not same_values:
        verdict += "; enriched values differ from the clean run"
    bad = duplicates or missing or not equal or not same_values or "EXITED" in what or "INCOMPLETE" in what
    failed += bool(bad)
    print(f"| {name} | {what} | {len(inputs)} | {len(enriched)} | {duplicates} | {missing} | {verdict} | "
          f"{recovery} s |")
print()
print(f"input = distinct ids in news.articles (the closing article included); output = records in "
      f"news.articles.enriched, read_committed; recovery = from the kill until the stage's committed output grew "
      f"again (restart and model loading included). Load average before {load_before}, after {load_after}; "
      f"{seconds} s in all.")
sys.exit(1 if failed else 0)
PY
