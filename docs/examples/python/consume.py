#!/usr/bin/env python3
"""Reads a Bellwether topic with confluent-kafka and prints one JSON line per record.

  python3 consume.py --bootstrap-servers broker:9092 --topic news.narrative-scores \\
      --schema schemas/src/main/avro/NarrativeScore.avsc                # single-object encoding (default)
  python3 consume.py --bootstrap-servers broker:9092 --topic news.narrative-scores \\
      --registry http://registry:8081                                   # Confluent wire format

Reads committed records only, from the beginning; --max N stops after N records (exit 1 if they do not
arrive within --timeout seconds), else it runs until interrupted.
"""
import argparse
import sys
import time
import uuid

from confluent_kafka import Consumer

from bellwether_values import decoder, to_json


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--registry", help="Confluent-compatible registry API; unset = single-object encoding")
    parser.add_argument("--schema", action="append", default=[], help=".avsc file; repeat for older versions")
    parser.add_argument("--group", default=f"bellwether-example-{uuid.uuid4()}")
    parser.add_argument("--max", type=int)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    values = decoder(args.registry, args.schema)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",  # every stage writes in transactions
    })
    consumer.subscribe([args.topic])
    seen, deadline = 0, time.monotonic() + args.timeout
    try:
        while args.max is None or seen < args.max:
            if args.max is not None and time.monotonic() > deadline:
                print(f"only {seen} of {args.max} records from {args.topic} within {args.timeout} s", file=sys.stderr)
                return 1
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                print(f"consumer error: {msg.error()}", file=sys.stderr)
                continue
            key = None if msg.key() is None else msg.key().decode("utf-8")
            value = None if msg.value() is None else values.decode(msg.value())  # None: a compaction tombstone
            print(to_json({"partition": msg.partition(), "offset": msg.offset(), "key": key, "value": value}),
                  flush=True)
            seen += 1
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
