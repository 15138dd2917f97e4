'use strict';
// Decodes a topic written in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary),
// fetching writer schemas from a Confluent-compatible registry API, e.g. Apicurio's /apis/ccompat/v7.
// usage: node registry-consumer.js BROKERS TOPIC REGISTRY_URL COUNT
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const { consume, args, main } = require('./consume');

main(async () => {
  const { brokers, topic, registry, count } = args(['brokers', 'topic', 'registry', 'count']);
  const client = new SchemaRegistry({ host: registry });
  await consume({ brokers, topic, count: Number(count) }, (bytes) => client.decode(bytes));
});
