'use strict';
// A producer nobody here wrote: registers an .avsc file under the subject TOPIC-value through a
// Confluent-compatible registry API, encodes each record of a JSON array in the Confluent wire format with
// that id, and sends them. Prints {"id": N, "sent": COUNT}. Timestamps are given as epoch milliseconds.
// usage: node registry-producer.js BROKERS TOPIC REGISTRY_URL SCHEMA_FILE RECORDS_JSON
const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const { args, main, toStderr } = require('./consume');

main(async () => {
  const { brokers, topic, registry, schemaFile, recordsJson } = args(['brokers', 'topic', 'registry', 'schemaFile', 'recordsJson']);
  const client = new SchemaRegistry({ host: registry });
  const { id } = await client.register(
    { type: SchemaType.AVRO, schema: fs.readFileSync(schemaFile, 'utf8') }, { subject: `${topic}-value` });
  const records = JSON.parse(recordsJson);
  const messages = [];
  for (const record of records) {
    messages.push({ key: `${record.narrative}@${record.windowStart}`, value: await client.encode(id, record) });
  }
  const kafka = new Kafka({
    clientId: 'bellwether-interop-producer', brokers: brokers.split(','), logLevel: logLevel.WARN, logCreator: toStderr,
  });
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
  process.stdout.write(JSON.stringify({ id, sent: messages.length }) + '\n');
});
