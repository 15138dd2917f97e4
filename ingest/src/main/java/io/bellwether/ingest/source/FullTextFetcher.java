package io.bellwether.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Fetches the page an item links to and extracts its main text, for feeds that carry only summaries; redirects
 * and the size limit are those of {@link FeedHttp}.
 */
public final class FullTextFetcher {
    private final FeedHttp http;
    private final HtmlParser html = new HtmlParser();

    public FullTextFetcher(FeedHttp http) {
        this.http = http;
    }

    /** The page's main text, or why it is missing (not fetched, refused, not HTML, no text). */
    public FullText fetch(String url) {
        URI page;
        try {
            page = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new FullText.Missing("unparsable link: " + e.getMessage());
        }
        HttpAnswer answer = http.get(page, Map.of("Accept", "text/html"));
        if (answer instanceof HttpAnswer.Refused refused) {
            return new FullText.Missing(refused.reason());
        }
        HttpAnswer.Answered response = (HttpAnswer.Answered) answer;
        boolean isHtml = response.headers().firstValue("Content-Type").orElse("").contains("html");
        if (response.status() != 200 || !isHtml) {
            return new FullText.Missing("HTTP " + response.status() + (isHtml ? "" : ", not HTML"));
        }
        String text;
        try {
            // No charset given: jsoup takes it from a BOM or <meta charset>, else UTF-8.
            text = html.mainText(Jsoup.parse(new ByteArrayInputStream(response.body()), null, url));
        } catch (IOException e) {
            return new FullText.Missing("unreadable HTML: " + e.getMessage());
        }
        return text.isBlank() ? new FullText.Missing("no main text") : new FullText.Found(text);
    }
}
