package io.bellwether.ingest.source;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article from an HTML page with jsoup: the text of {@code <article>} (else of the body) without
 * navigation, footers, scripts, forms, headline and byline; title from og:title or {@code <title>}; time from
 * article:published_time; URL from the canonical link (or og:url). The result carries the page's UTF-8 bytes.
 */
public final class HtmlParser {
    /** Page furniture, plus the headline and byline: the title and author fields already carry those. */
    private static final String CLUTTER = "script, style, noscript, template, nav, footer, header, aside, form, "
            + "iframe, svg, button, h1, [class~=(?i)byline|kicker|entry-meta|post-meta|dateline|related|cookie"
            + "|advert|ad-slot]";
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption";

    public ParseResult parse(String file, String html, Instant fallbackTime) {
        RawInput raw = RawInput.of(html);
        Document page = Jsoup.parse(html);
        String title = firstNonBlank(meta(page, "meta[property=og:title]"), page.title());
        if (title == null) {
            return new Rejected(file, 0, RejectReason.MISSING_FIELD, "missing title: no og:title and no <title>",
                    raw);
        }
        String published = firstNonBlank(meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[itemprop=datePublished]"));
        String url = firstNonBlank(page.select("link[rel=canonical]").attr("href"),
                meta(page, "meta[property=og:url]"));
        String author = firstNonBlank(meta(page, "meta[name=author]"), meta(page, "meta[property=article:author]"));
        ArticleDraft draft = ArticleDraft.of(file, 0, title, mainText(page), fallbackTime)
                .withLink(url, null)
                .withMeta(meta(page, "meta[property=og:site_name]"), published, author,
                        page.select("html").attr("lang"));
        return new Parsed(draft, raw);
    }

    /** The readable text of a page, paragraphs separated by blank lines; empty when the page has none. */
    public String mainText(Document page) {
        Document copy = page.clone();
        copy.select(CLUTTER).remove();
        Element container = copy.selectFirst("article");
        if (container == null) {
            container = copy.body();
        }
        if (container == null) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element block : container.select(BLOCKS)) {
            // Nested blocks (a <p> inside an <li>) would repeat their text; keep only the innermost.
            if (block.select(BLOCKS).size() == 1 && !block.text().isBlank()) {
                paragraphs.add(block.text());
            }
        }
        return paragraphs.isEmpty() ? container.text() : String.join("\n\n", paragraphs);
    }

    private static String meta(Document page, String selector) {
        Element element = page.selectFirst(selector);
        return element == null ? null : element.attr("content");
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second == null || second.isBlank() ? null : second.strip();
    }
}
