#!/usr/bin/env python3
"""Rebuilds the git-ignored texts of the real-news set from recovered excerpts and the committed indexes.

    scripts/real-recover.py [--keep-inexact] corpus/real/got-*.jsonl

Each input line is {"url": ..., "text": ...}: the excerpt of that address as the public-pages search corpus gives
it (found with the index line's `query`). The labels, entities and splits come from the committed indexes
(corpus/eval/real-index.jsonl and every corpus/eval/real-index-*.jsonl); a text is kept when its SHA-256 equals
the index's, and with --keep-inexact also when it does not (the stored page changed or the copy differs a
little: the label was given to the page, and the count of such lines is printed so a figure can say it).
Writes corpus/real/real-SPLIT.jsonl (eval line format: id, title, text, label, narrative, group = site,
entities) for every split the indexes name, sorted by id, and prints per split how many pages were found.
Indexes are read relative to the repository root, wherever the command runs.
"""
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def main(args):
    keep_inexact = "--keep-inexact" in args
    inputs = [a for a in args if a != "--keep-inexact"]
    if not inputs:
        sys.exit(__doc__)
    found = {}
    for path in inputs:
        for number, row in enumerate(read_jsonl(path), 1):
            if not isinstance(row.get("url"), str) or not isinstance(row.get("text"), str):
                sys.exit(f"{path}:{number}: a line needs string fields url and text")
            found.setdefault(row["url"], []).append(row["text"])
    indexes = [ROOT / "corpus/eval/real-index.jsonl"] + sorted((ROOT / "corpus/eval").glob("real-index-*.jsonl"))
    out, tally = {}, {}
    for index in indexes:
        for line in read_jsonl(index):
            split = line["split"]
            counts = tally.setdefault(split, {"lines": 0, "exact": 0, "inexact": 0, "missing": 0})
            counts["lines"] += 1
            texts = found.get(line["url"], [])
            exact = [t for t in texts if sha(t) == line["sha256"]]
            if exact:
                text, kind = exact[0], "exact"
            elif texts and keep_inexact:
                text, kind = texts[0], "inexact"
            else:
                counts["missing"] += 1
                continue
            counts[kind] += 1
            out.setdefault(split, []).append({"id": line["id"], "title": line["title"], "text": text,
                                              "label": line["label"], "narrative": line["narrative"],
                                              "group": line["site"], "entities": line["entities"]})
    for split, items in sorted(out.items()):
        items.sort(key=lambda item: item["id"])
        target = ROOT / f"corpus/real/real-{split}.jsonl"
        target.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    for split, counts in sorted(tally.items()):
        print(f"{split:8} index lines {counts['lines']:5}  exact {counts['exact']:5}  inexact {counts['inexact']:5}"
              f"  missing {counts['missing']:5}")


if __name__ == "__main__":
    main(sys.argv[1:])
