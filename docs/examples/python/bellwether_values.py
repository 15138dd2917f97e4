"""Decoders for the Avro values of Bellwether topics, in either encoding.

Needs only Debian's python3-avro (1.11) and, for the registry, python3-confluent-kafka (1.7):
confluent-kafka's own AvroDeserializer would need fastavro, so its registry client fetches the
writer schema and python3-avro reads the body.
"""
import datetime
import io
import json
import struct

import avro.io
import avro.schema

_EMPTY = 0xC15D213AA4D7A795
_TABLE = []
for _byte in range(256):
    _fp = _byte
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY if _fp & 1 else 0)
    _TABLE.append(_fp)


def crc64_avro(text: str) -> int:
    """The Avro specification's 64-bit Rabin fingerprint (CRC-64-AVRO) of a text."""
    fp = _EMPTY
    for byte in text.encode("utf-8"):
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


def parsing_canonical_form(schema: avro.schema.Schema) -> str:
    """The schema's parsing canonical form, as the single-object fingerprint is taken of.

    python3-avro 1.11's own canonical_form keeps a logical-type primitive as {"type":"long"} where the
    specification (and Java, and avsc) reduce it to "long"; this collapses such objects.
    """

    def collapse(node):
        if isinstance(node, dict):
            if set(node) == {"type"} and isinstance(node["type"], str):
                return node["type"]
            return {key: collapse(value) for key, value in node.items()}
        if isinstance(node, list):
            return [collapse(item) for item in node]
        return node

    return json.dumps(collapse(schema.to_canonical_json()), separators=(",", ":"))


def load_schema(path: str) -> avro.schema.Schema:
    with open(path, encoding="utf-8") as f:
        return avro.schema.parse(f.read())


class SingleObjectDecoder:
    """Avro single-object encoding: C3 01, the writer schema's fingerprint (8 bytes, little-endian), the body.

    The first schema file is the reader's; give every older version you may meet too
    (schemas/src/main/avro-history/NAME/vN.avsc), so the fingerprint can name its writer.
    """

    def __init__(self, schema_files):
        schemas = [load_schema(path) for path in schema_files]
        self.reader = schemas[0]
        self.readers = {crc64_avro(parsing_canonical_form(s)): avro.io.DatumReader(s, self.reader) for s in schemas}

    def decode(self, value: bytes) -> dict:
        if len(value) < 10 or value[:2] != b"\xc3\x01":
            raise ValueError(f"not Avro single-object encoding: first bytes {value[:10].hex()}")
        (fingerprint,) = struct.unpack("<Q", value[2:10])
        reader = self.readers.get(fingerprint)
        if reader is None:
            raise ValueError(f"unknown writer schema fingerprint {fingerprint:016x}: add that version's .avsc")
        return reader.read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


class RegistryDecoder:
    """Confluent wire format: 00, the schema id (4 bytes, big-endian), the body; writer schemas from the registry.

    url is the registry's Confluent-compatible API, e.g. http://registry:8081 or .../apis/ccompat/v7 on Apicurio.
    With a reader schema file, records are resolved to it; without, they come as written.
    """

    def __init__(self, url: str, schema_file: str = None):
        from confluent_kafka.schema_registry import SchemaRegistryClient

        self.client = SchemaRegistryClient({"url": url})
        self.reader = load_schema(schema_file) if schema_file else None
        self.readers = {}

    def decode(self, value: bytes) -> dict:
        if len(value) < 5 or value[0] != 0:
            raise ValueError(f"not the Confluent wire format: first bytes {value[:10].hex()}")
        (schema_id,) = struct.unpack(">I", value[1:5])
        reader = self.readers.get(schema_id)
        if reader is None:
            registered = self.client.get_schema(schema_id)
            if registered.schema_type != "AVRO":
                raise ValueError(f"schema id {schema_id} is a {registered.schema_type} schema, not Avro")
            writer = avro.schema.parse(registered.schema_str)
            reader = self.readers[schema_id] = avro.io.DatumReader(writer, self.reader or writer)
        return reader.read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))


def decoder(registry: str = None, schema_files=()):
    """The registry decoder when a registry URL is given, else single-object encoding with the schema files."""
    if registry:
        return RegistryDecoder(registry, schema_files[0] if schema_files else None)
    if not schema_files:
        raise ValueError("single-object encoding needs at least one .avsc file (--schema)")
    return SingleObjectDecoder(schema_files)


def to_json(record) -> str:
    """One JSON line; timestamps (python3-avro turns timestamp-millis into datetimes) as ISO-8601 strings."""

    def plain(value):
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        if isinstance(value, bytes):
            return value.hex()
        raise TypeError(f"cannot render {type(value).__name__}")

    return json.dumps(record, default=plain, separators=(",", ":"))
