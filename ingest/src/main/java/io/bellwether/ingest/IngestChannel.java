package io.bellwether.ingest;

import java.util.Locale;

/** Where articles enter the pipeline; its wire name goes into {@code Article.ingestChannel} and metric tags. */
public enum IngestChannel {
    FILES, RSS, HTTP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transactional id used when none is configured, e.g. {@code bellwether-ingest-files}. */
    public String defaultTransactionalId() {
        return "bellwether-ingest-" + wireName();
    }
}
