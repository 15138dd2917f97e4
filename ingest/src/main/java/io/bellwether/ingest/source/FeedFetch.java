package io.bellwether.ingest.source;

import java.util.Optional;

/** The answer to one conditional GET of a feed. */
public sealed interface FeedFetch {

    /** New content, with the validators to send next time. */
    record Fetched(byte[] body, Optional<String> etag, Optional<String> lastModified) implements FeedFetch {
    }

    /** 304: nothing changed since the validators were issued. */
    record NotModified() implements FeedFetch {
    }

    record Failed(String reason) implements FeedFetch {
    }
}
