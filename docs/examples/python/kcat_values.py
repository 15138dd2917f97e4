#!/usr/bin/env python3
"""Decodes the raw values kcat prints with -f '%R%s' (each value preceded by its length as a 4-byte
big-endian integer, -1 for a tombstone) and prints one JSON line per value:

  kcat -b broker:9092 -C -t news.narrative-scores -o beginning -e -q -X isolation.level=read_committed \\
       -f '%R%s' | python3 kcat_values.py --schema schemas/src/main/avro/NarrativeScore.avsc
  kcat ... -f '%R%s' | python3 kcat_values.py --registry http://registry:8081

For kcat builds without Avro support, such as Debian's kcat 1.7.1 (kcat -V lists no avro).
"""
import argparse
import struct
import sys

from bellwether_values import decoder, to_json


def frames(stream):
    """The values of the stream, None for a tombstone."""
    while True:
        head = stream.read(4)
        if not head:
            return
        if len(head) < 4:
            raise ValueError("input ends inside a length prefix: was kcat run with -f '%R%s'?")
        (length,) = struct.unpack(">i", head)
        if length < 0:
            yield None
            continue
        value = stream.read(length)
        if len(value) < length:
            raise ValueError(f"input ends {length - len(value)} bytes into a value of {length}")
        yield value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry", help="Confluent-compatible registry API; unset = single-object encoding")
    parser.add_argument("--schema", action="append", default=[], help=".avsc file; repeat for older versions")
    args = parser.parse_args()
    values = decoder(args.registry, args.schema)
    for value in frames(sys.stdin.buffer):
        print(to_json(None if value is None else values.decode(value)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
