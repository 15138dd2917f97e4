package io.bellwether.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.xml.sax.InputSource;

/**
 * Parses RSS 2.0 and Atom bytes with ROME into drafts, one per item. Document type declarations are refused,
 * so no external or recursive entity in a hostile feed is ever resolved. A feed that does not parse carries its
 * bytes; an item (whose XML ROME does not keep) carries its fields as a JSON object.
 */
public final class FeedItems {
    private final HtmlParser html = new HtmlParser();
    private final ObjectMapper json = new ObjectMapper();

    /** The items of {@code feed}; a feed that does not parse yields one rejection for the whole feed. */
    public List<ParseResult> parse(FeedSpec feed, byte[] bytes, Instant ingestTime) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed parsed;
        try {
            parsed = input.build(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (FeedException | IllegalArgumentException e) {
            return List.of(new Rejected(feed.name(), 0, RejectReason.UNREADABLE,
                    "unreadable feed: " + e.getMessage(), new RawInput(bytes)));
        }
        List<ParseResult> items = new ArrayList<>();
        int position = 0;
        for (SyndEntry entry : parsed.getEntries()) {
            position++;
            items.add(item(feed, position, entry, parsed.getLanguage(), ingestTime));
        }
        return items;
    }

    private ParseResult item(FeedSpec feed, int position, SyndEntry entry, String language, Instant ingestTime) {
        Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        ArticleDraft draft = ArticleDraft.of(feed.name(), position, entry.getTitle(), text(entry), ingestTime)
                .withLink(entry.getLink(), entry.getUri())
                .withMeta(feed.name(), when == null ? null : when.toInstant().toString(), entry.getAuthor(),
                        language);
        return new Parsed(draft, itemJson(draft));
    }

    private RawInput itemJson(ArticleDraft draft) {
        ObjectNode item = json.createObjectNode().put("title", draft.title()).put("url", draft.url())
                .put("guid", draft.guid()).put("publishedAt", draft.publishedAt()).put("author", draft.author())
                .put("body", draft.body());
        return RawInput.of(item.toString());
    }

    /** Full content when the item has it, else its summary; both may be HTML. */
    private String text(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null) {
                content.append(part.getValue()).append('\n');
            }
        }
        if (content.toString().isBlank() && entry.getDescription() != null) {
            content.append(entry.getDescription().getValue());
        }
        return html.mainText(Jsoup.parseBodyFragment(content.toString()));
    }
}
