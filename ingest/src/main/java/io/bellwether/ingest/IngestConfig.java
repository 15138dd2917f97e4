package io.bellwether.ingest;

import java.time.Duration;

/**
 * The validated settings of one ingest service: its channel, the publishing, progress and time rules, and the
 * feed and push options (used by the {@code rss} and {@code http} channels only). Built once by the caller.
 */
public record IngestConfig(
        IngestChannel channel, PublishOptions publish, int progressEvery, Duration progressInterval,
        TimeRules time, FeedOptions feed, PushOptions push) {

    public IngestConfig {
        if (channel == null) {
            throw new IllegalArgumentException("ingest channel must be one of files, rss, http");
        }
        if (publish == null || time == null || feed == null || push == null) {
            throw new IllegalArgumentException("ingest publish, time, feed and push options must all be set");
        }
        Checks.range("ingest.progress-every", progressEvery, 1, Integer.MAX_VALUE);
        Checks.positive("ingest.progress-interval", progressInterval);
    }

    public static IngestConfig defaults(IngestChannel channel) {
        return new IngestConfig(channel, PublishOptions.defaults(channel), 1000, Duration.ofSeconds(2),
                TimeRules.defaults(), FeedOptions.defaults(), PushOptions.defaults());
    }

    public IngestConfig withPublish(PublishOptions options) {
        return new IngestConfig(channel, options, progressEvery, progressInterval, time, feed, push);
    }

    public IngestConfig withProgressEvery(int every) {
        return new IngestConfig(channel, publish, every, progressInterval, time, feed, push);
    }

    public IngestConfig withTime(TimeRules rules) {
        return new IngestConfig(channel, publish, progressEvery, progressInterval, rules, feed, push);
    }

    public IngestConfig withFeed(FeedOptions options) {
        return new IngestConfig(channel, publish, progressEvery, progressInterval, time, options, push);
    }

    public IngestConfig withPush(PushOptions options) {
        return new IngestConfig(channel, publish, progressEvery, progressInterval, time, feed, options);
    }
}
