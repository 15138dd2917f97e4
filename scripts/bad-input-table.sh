#!/usr/bin/env bash
# Feeds Bellwether one bad input after another through a real broker, enrich and HTTP ingest, and prints
# a Markdown table of what each input did and where it went. Every cell is computed from what this run observed.
# Exit 1 when a service is not UP afterwards or an input vanished without a message or a dead letter.
# Needs: bin/bellwether (builds on first use), kcat (Debian kafkacat), curl, python3.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bw="$root/bin/bellwether"
work="$(mktemp -d)"
rows="$work/rows.tsv"
: > "$rows"
pids=()

# Background services start as plain commands (env, not a shell function), so each $! is the JVM itself: the
# launcher execs java. They get 30 s to stop cleanly.
cleanup() {
  local pid i
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for i in $(seq 30); do
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && break; pid=; done
    [ -z "$pid" ] && break
    sleep 1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

say() { echo "bad-input: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
first_line() { tr -d '\r' < "$1" | grep -v '^bellwether: building' | grep -m1 -v '^[[:space:]]*$' | cut -c1-160; }
small_jvm() { BELLWETHER_JAVA_OPTS="-Xmx${1} -XX:+UseSerialGC" "${@:2}"; }

wait_for() { # SECONDS DESCRIPTION COMMAND...: polls COMMAND every 2 s
  local limit=$1 what=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start > limit )); then say "gave up waiting for $what"; return 1; fi
    sleep 2
  done
  say "$what after $((SECONDS - start)) s"
}

broker_port=$(free_port); enrich_http=$(free_port); push_port=$(free_port); ingest_http=$(free_port)
bs="127.0.0.1:$broker_port"
started=$SECONDS

# The first call builds the jars when needed, so later background starts do not race the build.
"$bw" --help >/dev/null || exit 1
env BELLWETHER_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC" "$bw" broker --port "$broker_port" --data-dir "$work/broker" > "$work/broker.log" 2>&1 &
pids+=($!)
wait_for 240 "broker ready" grep -q ready "$work/broker.log" || { cat "$work/broker.log" >&2; exit 1; }

"$bw" enrich --bootstrap-servers "$bs" --http-port "$enrich_http" --set state.dir="$work/enrich-state" \
  > "$work/enrich.log" 2>&1 &
pids+=($!)
env BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" ingest http --port "$push_port" --bootstrap-servers "$bs" --http-port "$ingest_http" \
  > "$work/ingest-http.log" 2>&1 &
pids+=($!)
token="t$RANDOM$RANDOM"; token_port=$(free_port); token_http=$(free_port)
env BELLWETHER_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" "$bw" ingest http --port "$token_port" --bootstrap-servers "$bs" --http-port "$token_http" \
  --set ingest.push.token="$token" --set ingest.transactional-id=bellwether-ingest-http-token \
  > "$work/ingest-token.log" 2>&1 &
pids+=($!)
health() { curl -s "http://127.0.0.1:$1/health" | grep -q '"status":"UP"'; }
wait_for 300 "enrich /health UP" health "$enrich_http" || { tail -20 "$work/enrich.log" >&2; exit 1; }
wait_for 120 "ingest http /health UP" health "$ingest_http" || { tail -20 "$work/ingest-http.log" >&2; exit 1; }
wait_for 120 "token ingest http /health UP" health "$token_http" || { tail -20 "$work/ingest-token.log" >&2; exit 1; }

services_up() { # prints "enrich UP, ingest UP" (or DOWN) as seen now
  local e=DOWN i=DOWN t=DOWN
  health "$enrich_http" && e=UP
  health "$ingest_http" && i=UP
  health "$token_http" && t=UP
  echo "enrich $e, ingest $i, token ingest $t"
}
row() { # NAME OUTCOME MATCH: OUTCOME is "HTTP 400: ..." or "exit 2: ..."; MATCH tells the report where to look
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(services_up)" >> "$rows"
  say "$1 -> $2"
}
post() { # NAME FILE MATCH [PORT [CURL-OPTION...]]
  local code
  code=$(curl -s -o "$work/resp" -w '%{http_code}' -H 'Content-Type: application/json' "${@:5}" \
    --data-binary @"$2" "http://127.0.0.1:${4:-$push_port}/articles")
  row "$1" "HTTP $code: $(first_line "$work/resp")" "$3"
}
produce() { # NAME KEY FILE: one raw record on news.articles
  local rc=0
  kcat -P -b "$bs" -t news.articles -k "$2" "$3" 2> "$work/kcat.err" || rc=$?
  row "$1" "kcat exit $rc (no reply channel)$( [ -s "$work/kcat.err" ] && echo ": $(first_line "$work/kcat.err")")" "key:$2"
}
now_iso() { date -u +%Y-%m-%dT%H:%M:%SZ; }
article() { # TITLE BODY-BYTES PUBLISHED: a JSON article whose body repeats $sentence up to BODY-BYTES
  python3 -c 'import json,sys; t,n,p,s,u=sys.argv[1:]; b=((s+" ")*(int(n)//len(s)+2))[:int(n)]
print(json.dumps({"title":t,"body":b,"publishedAt":p,"url":u,"source":"bad-input"}))' \
    "$1" "$2" "$3" "$sentence" "https://example.org/$RANDOM$RANDOM"
}
sentence="Open weight models let small labs check what the closed labs only describe in press releases."

# A good article first: the baseline, and a real record whose first 10 bytes (marker + fingerprint) we reuse.
article "marker-control" 200 "$(now_iso)" > "$work/control.json"
post "valid article (control)" "$work/control.json" "title:marker-control"
kcat -C -b "$bs" -t news.articles -o beginning -c 1 -e -f '%s' > "$work/real.bin" 2>/dev/null
{ head -c 10 "$work/real.bin"; head -c 400 /dev/urandom; } > "$work/corrupt.bin"
produce "corrupt Avro body behind a real Article fingerprint (kcat)" bad-corrupt "$work/corrupt.bin"
{ printf '\xc3\x01'; head -c 8 /dev/urandom; tail -c +11 "$work/real.bin"; } > "$work/fingerprint.bin"
produce "unknown schema fingerprint, valid body (kcat)" bad-fingerprint "$work/fingerprint.bin"
head -c 2048 /dev/urandom > "$work/garbage.bin"
produce "2 KB of binary garbage on news.articles (kcat)" bad-garbage "$work/garbage.bin"

printf '{"title":"marker-utf8 \xff\xfe\xc0","body":"caf\xe9 %s"}' "$sentence" > "$work/utf8.json"
post "POST /articles, invalid UTF-8 in JSON" "$work/utf8.json" "marker:marker-utf8"
printf '{"title":"marker-malformed","body":"%s"' "$sentence" > "$work/malformed.json"
post "POST /articles, malformed JSON" "$work/malformed.json" "marker:marker-malformed"
printf '{"title":"marker-nobody","url":"https://example.org/nobody"}' > "$work/nobody.json"
post "POST /articles, object without body" "$work/nobody.json" "marker:marker-nobody"
: > "$work/empty.json"
post "POST /articles, empty body" "$work/empty.json" "empty"
article "marker-token" 200 "$(now_iso)" > "$work/token.json"
post "POST /articles to a token-protected endpoint, no token" "$work/token.json" "refused:marker-token" "$token_port"
post "POST /articles to a token-protected endpoint, wrong token" "$work/token.json" "refused:marker-token" \
  "$token_port" -H "Authorization: Bearer wrong-$token"
article "marker-1970" 200 "1970-01-01T00:00:00Z" > "$work/t1970.json"
post "POST /articles, publishedAt 1970-01-01" "$work/t1970.json" "marker:marker-1970"
article "marker-2999" 200 "2999-01-01T00:00:00Z" > "$work/t2999.json"
post "POST /articles, publishedAt 2999-01-01" "$work/t2999.json" "marker:marker-2999"
article "marker-10mb" $((10 * 1024 * 1024)) "$(now_iso)" > "$work/big.json"
post "POST /articles, 10 MB article" "$work/big.json" "refused:marker-10mb"
article "marker-900kb" $((900 * 1024)) "$(now_iso)" > "$work/900k.json"
post "POST /articles, 900 KB article" "$work/900k.json" "title:marker-900kb"

# 5,000 nested <div>s through the file importer.
python3 -c 'import sys; n=5000; print("<html><head><title>marker-nested deep divs</title></head><body>" + "<div>"*n
+ "<p>" + sys.argv[1] + "</p>" + "</div>"*n + "</body></html>")' "$sentence" > "$work/nested.html"
rc=0
small_jvm 512m "$bw" ingest files "$work/nested.html" --bootstrap-servers "$bs" --http-port 0 \
  > "$work/nested.out" 2>&1 || rc=$?
row "ingest files, 5,000 nested <div>s" "exit $rc: $(grep -v '^bellwether:' "$work/nested.out" | tail -1 | cut -c1-160)" \
  "file:nested.html|marker-nested"

# An RSS feed with an external entity pointing at a local file whose content must never show up anywhere.
secret="xxe-secret-$RANDOM$RANDOM"
echo "$secret" > "$work/secret.txt"
mkdir -p "$work/feed"
cat > "$work/feed/feed.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://$work/secret.txt">]>
<rss version="2.0"><channel><title>xxe feed</title><link>https://example.org/</link><description>d</description>
<item><title>marker-xxe &xxe;</title><link>https://example.org/xxe</link><guid>xxe-1</guid>
<pubDate>$(date -u -R)</pubDate><description>$sentence &xxe;</description></item></channel></rss>
EOF
feed_port=$(free_port)
(cd "$work/feed" && exec python3 -m http.server "$feed_port" --bind 127.0.0.1) > "$work/feed.log" 2>&1 &
pids+=($!)
wait_for 30 "feed server" curl -sf "http://127.0.0.1:$feed_port/feed.xml"
probe_gets=$(grep -c 'GET /feed.xml' "$work/feed.log")
rc=0
small_jvm 512m timeout 40 "$bw" ingest rss "http://127.0.0.1:$feed_port/feed.xml" --bootstrap-servers "$bs" \
  --http-port 0 > "$work/rss.out" 2>&1 || rc=$?
feed_gets=$(( $(grep -c 'GET /feed.xml' "$work/feed.log") - probe_gets ))
row "ingest rss, feed with an XML external entity" \
  "exit $rc after 40 s (timeout), ingest fetched the feed $feed_gets×: $(grep -v '^bellwether:' "$work/rss.out" | grep -m1 -i 'feed\|xxe\|entity\|DOCTYPE' | cut -c1-140)" \
  "xxe:$secret|marker-xxe"

# Invalid configuration: exit code 2 and a single line.
config_row() { # NAME COMMAND...
  local rc=0 name=$1
  shift
  small_jvm 1g timeout 180 "$@" --bootstrap-servers "$bs" --http-port 0 --set state.dir="$work/cfg-state" \
    > "$work/cfg.out" 2>&1 || rc=$?
  local lines
  lines=$(grep -v '^bellwether: building' "$work/cfg.out" | grep -c .)
  row "$name" "exit $rc, $lines line(s): $(first_line "$work/cfg.out")" "config:$rc:$lines"
}
config_row "enrich --set enrich.narratives=/nonexistent.yaml" "$bw" enrich --set enrich.narratives=/nonexistent.yaml
config_row "aggregate --set aggregate.windows=PT1H" "$bw" aggregate --set aggregate.windows=PT1H

# Give enrich time to drain, then read every topic once.
sleep 20
for topic in news.dead-letter news.articles.enriched news.articles; do
  small_jvm 768m "$bw" tail "$topic" --from-beginning --idle-ms 8000 --bootstrap-servers "$bs" \
    > "$work/$topic.jsonl" 2> "$work/$topic.err"
done
final_health=$(services_up)
say "run took $((SECONDS - started)) s"

python3 - "$rows" "$work" "$final_health" "$((SECONDS - started))" <<'PY'
import base64, json, sys
rows_path, work, final_health, seconds = sys.argv[1:5]

def load(topic):
    out = []
    for line in open(f"{work}/{topic}.jsonl", encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    return out

dead, enriched, articles = load("news.dead-letter"), load("news.articles.enriched"), load("news.articles")

def raw(rec):
    value = rec.get("value") or {}
    try:
        return base64.b64decode(value.get("originalValue") or "")
    except Exception:
        return b""

def dl_text(recs):
    return "; ".join(f"news.dead-letter ({r['value']['stage']}, `{r['value']['reason']}`: "
                     f"{(r['value'].get('detail') or '')[:90]})" for r in recs)

def enriched_text(recs):
    return "; ".join(f"news.articles.enriched (truncated={str(r['value']['truncated']).lower()}, "
                     f"{r['value']['wordCount']} words)" for r in recs)

def where(match, outcome):
    """Returns (cell, has_trace): the topics the input reached, and whether it reached any."""
    kind, _, arg = match.partition(":")
    if kind == "key":
        hits = [r for r in dead if r.get("key") == arg]
        return (dl_text(hits), True) if hits else ("no dead letter, no enriched record", False)
    if kind == "marker":
        hits = [r for r in dead if r.get("key") == "http" and arg.encode() in raw(r)]
        kept = [r for r in enriched if arg in r["value"]["title"]]
        cell = "; ".join(x for x in (dl_text(hits), enriched_text(kept)) if x)
        if kept:
            cell += ", title " + json.dumps(kept[0]["value"]["title"])
        return (cell, True) if cell else ("no dead letter, no enriched record", False)
    if kind == "empty":
        hits = [r for r in dead if r.get("key") == "http" and raw(r) == b""]
        return (dl_text(hits), True) if hits else ("no dead letter", False)
    if kind == "title":
        hits = [r for r in enriched if arg in r["value"]["title"]]
        dls = [r for r in dead if r.get("key") == "http" and arg.encode() in raw(r)]
        cell = "; ".join(x for x in (enriched_text(hits), dl_text(dls)) if x)
        return (cell, True) if cell else ("accepted but not in news.articles.enriched nor news.dead-letter", False)
    if kind == "refused":
        code = outcome.split(":")[0]
        hits = [r for r in dead if arg.encode() in raw(r)]
        if hits:
            return (dl_text(hits), True)
        return (f"nowhere: refused with {code}, not dead-lettered; the client keeps the only copy", True)
    if kind == "file":
        name, _, marker = arg.partition("|")
        dls = [r for r in dead if name in (r.get("key") or "")]
        hits = [r for r in enriched if marker in r["value"]["title"]]
        cell = "; ".join(x for x in (enriched_text(hits), dl_text(dls)) if x)
        return (cell, True) if cell else ("nothing published, no dead letter", False)
    if kind == "xxe":
        secret, _, marker = arg.partition("|")
        blobs = [json.dumps(r) for r in dead + enriched + articles] + [raw(r).decode("utf-8", "replace") for r in dead]
        leaked = any(secret in b for b in blobs)
        arts = [r for r in articles if marker in json.dumps(r)]
        dls = [r for r in dead if b"xxe" in raw(r) or "feed" in (r["value"].get("detail") or "")]
        parts = []
        if arts:
            parts.append("news.articles: title " + json.dumps(arts[0]["value"]["title"]))
        parts += [x for x in (enriched_text([r for r in enriched if marker in r["value"]["title"]]),
                              dl_text(dls)) if x]
        parts.append("entity EXPANDED (secret leaked)" if leaked else "entity not expanded (secret in no record)")
        return ("; ".join(parts), bool(arts or dls) and not leaked)
    if kind == "config":
        rc, lines = arg.split(":")
        ok = rc == "2" and lines == "1"
        return ("nowhere: refused at start" + ("" if ok else f" (expected exit 2 and one line)"), rc != "0")
    return ("?", False)

bad = 0
print(f"| input | what happened | where it went |")
print("|---|---|---|")
for line in open(rows_path, encoding="utf-8"):
    name, outcome, match, health = line.rstrip("\n").split("\t")
    cell, traced = where(match, outcome)
    crash = "DOWN" in health
    lost = not traced
    if crash or lost:
        bad += 1
    flag = (" **CRASH**" if crash else "") + (" **LOST**" if lost else "")
    esc = lambda s: s.replace("|", "\\|")
    print(f"| {esc(name)} | {esc(outcome)} | {esc(cell)}; afterwards {health}{flag} |")
print()
print(f"After all inputs and the reads: {final_health}. Dead letters: {len(dead)}, enriched: {len(enriched)}, "
      f"articles: {len(articles)}. Run time {seconds} s.")
if "DOWN" in final_health:
    bad += 1
sys.exit(1 if bad else 0)
PY
