package io.bellwether.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a feed with a conditional GET: sends the ETag and Last-Modified validators of the previous answer,
 * so an unchanged feed costs a 304 and no parsing.
 */
public final class FeedFetcher {
    static final String USER_AGENT = "bellwether-ingest/0.1 (+feed poller)";
    private final HttpClient http;
    private final Duration timeout;

    public FeedFetcher(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public FeedFetch fetch(URI url, Optional<String> etag, Optional<String> lastModified) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        etag.ifPresent(value -> request.header("If-None-Match", value));
        lastModified.ifPresent(value -> request.header("If-Modified-Since", value));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304) {
                return new FeedFetch.NotModified();
            }
            if (response.statusCode() / 100 != 2) {
                return new FeedFetch.Failed("HTTP " + response.statusCode());
            }
            return new FeedFetch.Fetched(response.body(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Last-Modified"));
        } catch (IOException e) {
            return new FeedFetch.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FeedFetch.Failed("interrupted");
        }
    }
}
