package io.bellwether.bench;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.AggregateTopology;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.service.ScratchDir;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The aggregate benchmark on synthetic enriched articles: records/s of {@link AggregateTopology} in a
 * {@link TopologyTestDriver}, the broker's ceiling (a plain idempotent producer loop, acks=all, same records), and
 * the topology as a real Kafka Streams application on the embedded broker, timed from {@code RUNNING} until its
 * committed offsets reach the end (the time to {@code RUNNING} and the rate from {@code start()} printed beside).
 */
public final class AggregateBench {
    private static final String CEILING_TOPIC = "bench.producer-ceiling";
    private static final int CEILING_RECORDS = 200_000;

    private final int records;
    private final int threads;
    private final Duration spacing;
    private final Map<String, String> overrides;
    private final PrintWriter out;
    private final Topics topics = new Topics();

    /**
     * {@code spacing}: event time between two synthetic articles; {@code overrides}: config keys for the broker run ({@code kafka.*} ones reach the clients and Streams). */
    public AggregateBench(int records, int threads, Duration spacing, Map<String, String> overrides, PrintWriter out) {
        this.records = records;
        this.threads = threads;
        this.spacing = spacing;
        this.overrides = Map.copyOf(overrides);
        this.out = out;
    }

    /** One synthetic enriched article, serialized, with its event time (the enrich stream keeps publishedAt). */
    private record Encoded(byte[] key, byte[] value, long timestamp) {
    }

    public void run() throws InterruptedException {
        List<Encoded> values = synthesize();
        line("machine: %d cores, load %s; %d synthetic enriched articles, one every %s of event time, mean %d bytes",
                Runtime.getRuntime().availableProcessors(), SystemLoad.describe(), values.size(), spacing,
                values.stream().mapToInt(v -> v.value().length).sum() / Math.max(1, values.size()));
        long scoreRecords = driver(values);
        try (BenchBroker broker = new BenchBroker()) {
            broker.broker().createTopics(List.of(topics.enriched(), topics.narrativeScores(), topics.entityScores(),
                    topics.deadLetter()), 0);
            Map<String, String> flags = new TreeMap<>(overrides);
            flags.put(RuntimeKeys.BOOTSTRAP_SERVERS.name(), broker.broker().bootstrapServers());
            flags.put(RuntimeKeys.STATE_DIR.name(), broker.stateDir().toString());
            flags.put(RuntimeKeys.STREAMS_THREADS.name(), Integer.toString(threads));
            Settings settings = RuntimeKeys.definition().resolve(ConfigSources.flagsOnly(flags));
            if (!overrides.isEmpty()) {
                line("settings of the broker run: %s", new TreeMap<>(overrides));
            }
            KafkaSettings kafka = new KafkaSettings(settings);
            createCeilingTopic(kafka);
            int ceilingRecords = Math.max(CEILING_RECORDS, values.size());
            long ceiling = produce(kafka, CEILING_TOPIC, values, ceilingRecords);
            line("broker ceiling: idempotent acks=all producer loop, same records, %s (6 partitions): %s", CEILING_TOPIC,
                    rate(ceilingRecords, ceiling));
            produce(kafka, topics.enriched().name(), values, values.size());
            long streamsNanos = streams(kafka);
            double articlesPerSecond = values.size() / (streamsNanos / 1e9);
            double ceilingPerSecond = ceilingRecords / (ceiling / 1e9);
            line("summary: %.0f enriched articles/s through the aggregation once RUNNING (exactly_once_v2, %d stream thread(s))"
                    + " beside a produce ceiling of %.0f records/s in the same run; %.1f score records per article"
                    + " (%d for %d articles, early updates and finals, TopologyTestDriver)", articlesPerSecond,
                    threads, ceilingPerSecond, scoreRecords / (double) values.size(), scoreRecords, values.size());
        }
        line("load at end: %s", SystemLoad.describe());
    }

    private List<Encoded> synthesize() {
        SyntheticEnriched synthetic = new SyntheticEnriched(spacing);
        var serializer = topics.enriched().valueSerde().serializer();
        List<Encoded> values = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            EnrichedArticle article = synthetic.article(i);
            values.add(new Encoded(article.getId().getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topics.enriched().name(), article), article.getPublishedAt().toEpochMilli()));
        }
        return values;
    }

    /** Runs the topology in a test driver; returns how many score records (both topics) it emitted. */
    private long driver(List<Encoded> values) {
        Properties props = KafkaSettings.of(Map.of("bootstrap.servers", "bench:9092"))
                .streams(AggregateConfig.defaults().applicationId());
        try (ScratchDir state = new ScratchDir("bellwether-bench-driver");
             TopologyTestDriver driver = new TopologyTestDriver(
                new AggregateTopology(topics, AggregateConfig.defaults()).build(), withStateDir(props, state))) {
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topics.enriched().name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            DriverOutputs outputs = new DriverOutputs(driver, topics);
            long started = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                Encoded record = values.get(i);
                input.pipeInput(record.key(), record.value(), record.timestamp());
                if (i % 100 == 99) {
                    outputs.drain();
                }
            }
            outputs.drain();
            line("TopologyTestDriver (one thread, no broker): %s; %d score records emitted",
                    rate(values.size(), System.nanoTime() - started), outputs.count());
            return outputs.count();
        }
    }

    private static Properties withStateDir(Properties props, ScratchDir state) {
        props.put("state.dir", state.path().toString());
        return props;
    }

    private static void createCeilingTopic(KafkaSettings kafka) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.admin())) {
            admin.createTopics(List.of(new NewTopic(CEILING_TOPIC, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + CEILING_TOPIC + ": " + e.getCause(), e);
        }
    }

    /** Sends {@code count} records, cycling through {@code values}; returns the nanoseconds until all are acked. */
    private static long produce(KafkaSettings kafka, String topic, List<Encoded> values, int count) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer(null),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Encoded record = values.get(i % values.size());
                producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value()));
            }
            producer.flush();
            return System.nanoTime() - started;
        }
    }

    /**
     * Runs the topology on the broker; returns the nanoseconds from {@code RUNNING} (the first rebalance done, the
     * tasks assigned) until the repartition topic was consumed. The time to {@code RUNNING} is printed beside it.
     */
    private long streams(KafkaSettings kafka) throws InterruptedException {
        AggregateConfig config = AggregateConfig.defaults();
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong runningAt = new AtomicLong();
        try (KafkaStreams streams = new KafkaStreams(new AggregateTopology(topics, config).build(),
                kafka.streams(config.applicationId()));
             ConsumedOffsets offsets = new ConsumedOffsets(kafka, config.applicationId())) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && runningAt.compareAndSet(0, System.nanoTime())) {
                    running.countDown();
                }
            });
            long started = System.nanoTime();
            streams.start();
            running.await();
            long ready = runningAt.get();
            offsets.awaitAllCommitted(topics.enriched().name(), out);
            long read = System.nanoTime() - ready;
            // Once the input is consumed the repartition topic is complete: the scores are done when it is consumed.
            offsets.awaitAllCommitted(config.applicationId() + "-" + AggregateTopology.BY_NARRATIVE + "-repartition",
                    out);
            long done = System.nanoTime();
            line("aggregate Kafka Streams on the embedded broker, %d thread(s), exactly-once: RUNNING after %.1f s;"
                    + " from then, input read in %s; through scoring (repartition consumed) %s; from start() %s",
                    threads, (ready - started) / 1e9, rate(records, read), rate(records, done - ready),
                    rate(records, done - started));
            return done - ready;
        }
    }

    private static String rate(int count, long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "%d records in %.1f s = %.0f records/s", count, seconds, count / seconds);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
