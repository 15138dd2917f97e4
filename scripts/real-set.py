#!/usr/bin/env python3
"""Builds the real-news evaluation set from the annotators' part files.

    scripts/real-set.py corpus/real/part-*.jsonl

Reads part files (one labelled page excerpt per line: url, title, site, narrative, label, rationale, entities, query,
text) and writes
  corpus/eval/real-index.jsonl   committed: everything but the text (url, title, label, rationale, entities, words,
                                 split, the query that finds the excerpt in the pages corpus, sha256 of the text)
  corpus/real/real-dev.jsonl     git-ignored: the eval line format (id, title, text, label, narrative, group) of the
  corpus/real/real-heldout.jsonl development part and of the part kept aside
The split is by site: a site whose SHA-256 is 0 mod 3 is kept aside, so no site's house style is in both parts.
Output is sorted by id, so the same parts give the same bytes.

    scripts/real-set.py --round NAME corpus/real/part-NAME-*.jsonl

A later labelling round, all of it kept aside (pages from sites new to the index): writes
corpus/eval/real-index-NAME.jsonl and corpus/real/real-NAME.jsonl, split NAME, and leaves the first round alone.
"""
import hashlib
import json
import sys
from pathlib import Path

LABELS = {"pro_open", "pro_closed", "neutral", "irrelevant"}
NARRATIVES = {"open-vs-closed-ai", "ai-regulation", "ai-compute-concentration"}
FIELDS = ["url", "title", "site", "narrative", "label", "rationale", "entities", "query", "text"]


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_of(site):
    return "heldout" if int(sha(site), 16) % 3 == 0 else "dev"


def main(parts, round_name=None):
    rows = {}
    for part in parts:
        for number, line in enumerate(Path(part).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            missing = [f for f in FIELDS if f not in row]
            if missing or row["label"] not in LABELS or row["narrative"] not in NARRATIVES:
                sys.exit(f"{part}:{number}: bad line (missing {missing}, label {row.get('label')},"
                         f" narrative {row.get('narrative')})")
            key = (row["narrative"], row["url"])
            if key in rows:
                print(f"{part}:{number}: duplicate of an earlier line for {key}, skipped", file=sys.stderr)
                continue
            rows[key] = row
    splits = [round_name] if round_name else ["dev", "heldout"]
    index, texts = [], {split: [] for split in splits}
    for (narrative, url), row in rows.items():
        item_id = "real-" + sha(narrative + " " + url)[:10]
        split = round_name or split_of(row["site"])
        index.append({"id": item_id, "narrative": narrative, "url": url, "title": row["title"], "site": row["site"],
                      "label": row["label"], "rationale": row["rationale"], "entities": row["entities"],
                      "words": len(row["text"].split()), "split": split, "query": row["query"],
                      "sha256": sha(row["text"])})
        texts[split].append({"id": item_id, "title": row["title"], "text": row["text"], "label": row["label"],
                             "narrative": narrative, "group": row["site"], "entities": row["entities"]})
    write(f"corpus/eval/real-index-{round_name}.jsonl" if round_name else "corpus/eval/real-index.jsonl", index)
    for split, items in texts.items():
        write(f"corpus/real/real-{split}.jsonl", items)
    for split in splits:
        for narrative in sorted(NARRATIVES):
            counts = {}
            for item in texts[split]:
                if item["narrative"] == narrative:
                    counts[item["label"]] = counts.get(item["label"], 0) + 1
            print(f"{split:8} {narrative:25} {sum(counts.values()):4}  {dict(sorted(counts.items()))}")


def write(path, items):
    items = sorted(items, key=lambda item: item["id"])
    Path(path).write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--round":
        main(sys.argv[3:], sys.argv[2])
    else:
        main(sys.argv[1:])
