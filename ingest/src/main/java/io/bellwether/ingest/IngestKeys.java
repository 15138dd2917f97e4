package io.bellwether.ingest;

import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigKey;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * The {@code ingest.*} configuration keys, declared once; {@link #config} turns resolved settings into the
 * validated {@link IngestConfig} of one channel.
 */
public final class IngestKeys {
    public static final ConfigKey<String> TRANSACTIONAL_ID = ConfigKey.of("ingest.transactional-id", ValueType.text(),
            null, "transactional.id of the publisher (default bellwether-ingest-CHANNEL); unique per process");
    public static final ConfigKey<Integer> BATCH_SIZE = ConfigKey.of("ingest.batch-size",
            ValueType.integer(1, 10_000), 100, "articles per Kafka transaction");
    public static final ConfigKey<Duration> BATCH_INTERVAL = ConfigKey.of("ingest.batch-interval",
            ValueType.duration(), Duration.ofSeconds(1), "longest time an article waits for its transaction");
    public static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.of("ingest.feed.poll-interval",
            ValueType.duration(), Duration.ofMinutes(5), "how often each feed is polled");
    public static final ConfigKey<Boolean> FULL_TEXT = ConfigKey.of("ingest.feed.full-text", ValueType.bool(), false,
            "fetch the linked page when a feed item carries only a summary");
    public static final ConfigKey<Integer> FEED_MAX_BYTES = ConfigKey.of("ingest.feed.max-bytes",
            ValueType.integer(1, FeedOptions.MAX_BYTES_LIMIT), FeedOptions.defaults().maxBytes(),
            "feed and linked-page bodies over this size (after gzip decoding) are refused");
    public static final ConfigKey<String> PUSH_HOST = ConfigKey.of("ingest.push.host", ValueType.text(), "127.0.0.1",
            "address the POST /articles endpoint binds to");
    public static final ConfigKey<Integer> PUSH_PORT = ConfigKey.of("ingest.push.port", ValueType.integer(0, 65535),
            8081, "port of the POST /articles endpoint");
    public static final ConfigKey<Integer> PUSH_MAX_BYTES = ConfigKey.of("ingest.push.max-body-bytes",
            ValueType.integer(1, 64 << 20), 1 << 20, "request bodies over this size get 413");
    public static final ConfigKey<String> PUSH_TOKEN = ConfigKey.of("ingest.push.token", ValueType.text(), null,
            "when set, POST /articles requires 'Authorization: Bearer TOKEN'");

    private IngestKeys() {
    }

    public static List<ConfigKey<?>> all() {
        return List.of(TRANSACTIONAL_ID, BATCH_SIZE, BATCH_INTERVAL, POLL_INTERVAL, FULL_TEXT, FEED_MAX_BYTES,
                PUSH_HOST, PUSH_PORT, PUSH_MAX_BYTES, PUSH_TOKEN);
    }

    /** The validated config of {@code channel}; an inconsistent value is a {@link ConfigException}. */
    public static IngestConfig config(Settings settings, IngestChannel channel) {
        try {
            IngestConfig defaults = IngestConfig.defaults(channel);
            PublishOptions publish = defaults.publish()
                    .withTransactionalId(settings.find(TRANSACTIONAL_ID).orElse(channel.defaultTransactionalId()))
                    .withBatch(settings.get(BATCH_SIZE), settings.get(BATCH_INTERVAL));
            FeedOptions base = defaults.feed();
            FeedOptions feed = new FeedOptions(settings.get(POLL_INTERVAL), base.maxBackoff(), base.httpTimeout(),
                    settings.get(FULL_TEXT), base.fullTextBelowChars(), settings.get(FEED_MAX_BYTES));
            PushOptions push = new PushOptions(settings.get(PUSH_HOST), settings.get(PUSH_PORT),
                    settings.get(PUSH_MAX_BYTES), settings.find(PUSH_TOKEN));
            return defaults.withPublish(publish).withFeed(feed).withPush(push);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid ingest configuration: " + e.getMessage());
        }
    }
}
