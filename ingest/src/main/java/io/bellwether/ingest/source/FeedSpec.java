package io.bellwether.ingest.source;

import java.net.URI;
import java.util.Locale;

/**
 * One feed to poll: its URL and the short name used as its source and metric tag (the host unless configured).
 */
public record FeedSpec(String name, URI url) {

    public FeedSpec {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("feed URL must be absolute http(s), was " + url);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("feed URL must be http or https, was " + url);
        }
        if (name == null || name.isBlank()) {
            name = url.getHost().toLowerCase(Locale.ROOT);
        }
    }

    /** A feed named after its host. */
    public static FeedSpec of(String url) {
        return new FeedSpec(null, URI.create(url));
    }
}
