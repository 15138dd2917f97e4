'use strict';
// Reads the first `count` records of a topic (read_committed, from the beginning, a throwaway group) and hands
// each to `handle`; prints one JSON line per record. Exits non-zero when they do not all arrive in time.
const { Kafka, logLevel } = require('kafkajs');

// kafkajs logs to stdout by default; stdout carries only the decoded records.
function toStderr() {
  return ({ namespace, label, log }) => process.stderr.write(`${label} [${namespace}] ${log.message}\n`);
}

async function consume({ brokers, topic, count, timeoutMs = 90000 }, handle) {
  const kafka = new Kafka({
    clientId: 'bellwether-interop', brokers: brokers.split(','), logLevel: logLevel.WARN, logCreator: toStderr,
  });
  const consumer = kafka.consumer({ groupId: `interop-${process.pid}-${Date.now()}`, readUncommitted: false });
  let seen = 0;
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const timer = setTimeout(() => finish(new Error(`only ${seen} of ${count} records from ${topic} within ${timeoutMs} ms`)), timeoutMs);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      if (seen >= count) return;
      try {
        const value = await handle(message.value);
        const key = message.key === null ? null : message.key.toString('utf8');
        process.stdout.write(JSON.stringify({ partition, offset: message.offset, key, value }) + '\n');
      } catch (err) {
        finish(new Error(`cannot decode ${topic} partition ${partition} offset ${message.offset}: ${err.message}`));
        return;
      }
      seen += 1;
      if (seen === count) finish(null);
    },
  });
  const failure = await done;
  clearTimeout(timer);
  await consumer.disconnect();
  if (failure) throw failure;
}

function args(names) {
  const values = process.argv.slice(2);
  if (values.length !== names.length) {
    throw new Error(`usage: node ${require('path').basename(process.argv[1])} ${names.map((n) => n.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()).join(' ')}`);
  }
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

function main(run) {
  run().then(() => process.exit(0), (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}

module.exports = { consume, args, main, toStderr };
