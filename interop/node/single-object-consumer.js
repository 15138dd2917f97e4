'use strict';
// Decodes a topic written in Avro single-object encoding (c3 01, 8-byte little-endian CRC-64-AVRO fingerprint
// of the writer schema, Avro binary) with nothing but the record's .avsc file: no registry involved.
// usage: node single-object-consumer.js BROKERS TOPIC SCHEMA_FILE COUNT
const fs = require('fs');
const avro = require('avsc');
const { consume, args, main } = require('./consume');

const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let bit = 0; bit < 8; bit += 1) fp = (fp >> 1n) ^ ((fp & 1n) ? EMPTY : 0n);
  return fp;
});

// The Avro specification's 64-bit Rabin fingerprint of a schema's parsing canonical form.
function crc64Avro(text) {
  let fp = EMPTY;
  for (const byte of Buffer.from(text, 'utf8')) fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)];
  return fp;
}

main(async () => {
  const { brokers, topic, schemaFile, count } = args(['brokers', 'topic', 'schemaFile', 'count']);
  const type = avro.Type.forSchema(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  // avsc returns the parsing canonical form: attributes in canonical order, no docs, defaults or logical types.
  const fingerprint = crc64Avro(JSON.stringify(type.schema()));
  await consume({ brokers, topic, count: Number(count) }, (bytes) => {
    if (bytes.length < 10 || bytes[0] !== 0xc3 || bytes[1] !== 0x01) {
      throw new Error(`not Avro single-object encoding: first bytes ${bytes.subarray(0, 10).toString('hex')}`);
    }
    const found = bytes.readBigUInt64LE(2);
    if (found !== fingerprint) {
      throw new Error(`writer fingerprint ${found.toString(16)} is not that of ${schemaFile} (${fingerprint.toString(16)})`);
    }
    return type.fromBuffer(bytes.subarray(10));
  });
});
