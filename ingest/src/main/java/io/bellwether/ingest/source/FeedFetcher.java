package io.bellwether.ingest.source;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches a feed with a conditional GET: sends the ETag and Last-Modified validators of the previous answer,
 * so an unchanged feed costs a 304 and no parsing. Redirects and the size limit are those of {@link FeedHttp};
 * its refusals become {@link FeedFetch.Failed} with the same reason.
 */
public final class FeedFetcher {
    static final String USER_AGENT = "bellwether-ingest/0.1 (+feed poller)";
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5";
    private final FeedHttp http;

    public FeedFetcher(FeedHttp http) {
        this.http = http;
    }

    public FeedFetch fetch(URI url, Optional<String> etag, Optional<String> lastModified) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        etag.ifPresent(value -> headers.put("If-None-Match", value));
        lastModified.ifPresent(value -> headers.put("If-Modified-Since", value));
        HttpAnswer answer = http.get(url, headers);
        if (answer instanceof HttpAnswer.Refused refused) {
            return new FeedFetch.Failed(refused.reason());
        }
        HttpAnswer.Answered response = (HttpAnswer.Answered) answer;
        if (response.status() == 304) {
            return new FeedFetch.NotModified();
        }
        if (response.status() / 100 != 2) {
            return new FeedFetch.Failed("HTTP " + response.status());
        }
        return new FeedFetch.Fetched(response.body(), response.headers().firstValue("ETag"),
                response.headers().firstValue("Last-Modified"));
    }
}
