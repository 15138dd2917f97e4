package io.bellwether.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jsoup.Jsoup;

/** Fetches the page an item links to and extracts its main text, for feeds that carry only summaries. */
public final class FullTextFetcher {
    private final HttpClient http;
    private final Duration timeout;
    private final HtmlParser html = new HtmlParser();

    public FullTextFetcher(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** The page's main text, or empty when it cannot be fetched or is not HTML. */
    public Optional<String> fetch(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .header("User-Agent", FeedFetcher.USER_AGENT).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean isHtml = response.headers().firstValue("Content-Type").orElse("").contains("html");
            if (response.statusCode() != 200 || !isHtml) {
                return Optional.empty();
            }
            String text = html.mainText(Jsoup.parse(response.body(), url));
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
