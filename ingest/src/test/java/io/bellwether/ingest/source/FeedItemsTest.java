package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.Rejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedItemsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final FeedSpec feed = FeedSpec.of("http://feeds.example/rss");
    private final FeedItems items = new FeedItems();

    @TempDir
    Path dir;

    private List<ParseResult> parse(String xml) {
        return items.parse(feed, xml.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void readsRssItemsWithLinkGuidDateAndHtmlDescription() {
        List<ParseResult> results = parse("""
                <?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><language>en-us</language>
                <item><title>Open weights released</title><link>https://feeds.example/a1</link>
                <guid>tag:feeds.example,2025:a1</guid><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>
                <description>&lt;p&gt;Summary &lt;b&gt;one&lt;/b&gt;.&lt;/p&gt;</description></item>
                </channel></rss>""");
        ArticleDraft draft = ((Parsed) results.get(0)).draft();
        assertThat(draft.title()).isEqualTo("Open weights released");
        assertThat(draft.url()).isEqualTo("https://feeds.example/a1");
        assertThat(draft.guid()).isEqualTo("tag:feeds.example,2025:a1");
        assertThat(draft.publishedAt()).isEqualTo("2025-06-02T10:00:00Z");
        assertThat(draft.body()).isEqualTo("Summary one.");
        assertThat(draft.source()).isEqualTo("feeds.example");
        assertThat(draft.language()).isEqualTo("en-us");
    }

    @Test
    void readsAtomEntriesPreferringContentOverSummary() {
        List<ParseResult> results = parse("""
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
                <id>urn:a</id><updated>2025-06-03T00:00:00Z</updated>
                <entry><title>Closed model priced up</title><id>urn:e1</id>
                <link href="https://atom.example/e1"/><updated>2025-06-03T08:00:00Z</updated>
                <summary>short</summary><content type="html">&lt;p&gt;Long text.&lt;/p&gt;</content></entry>
                </feed>""");
        ArticleDraft draft = ((Parsed) results.get(0)).draft();
        assertThat(draft.body()).isEqualTo("Long text.");
        assertThat(draft.publishedAt()).isEqualTo("2025-06-03T08:00:00Z");
        assertThat(draft.guid()).isEqualTo("urn:e1");
    }

    @Test
    void neverResolvesAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        List<ParseResult> results = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>x</title><item><title>&xxe;</title>"
                + "<description>&xxe;</description></item></channel></rss>");
        assertThat(results).hasSize(1).allSatisfy(result -> assertThat(result).isInstanceOf(Rejected.class));
        assertThat(((Rejected) results.get(0)).reason()).startsWith("unreadable feed").doesNotContain("TOP-SECRET");
    }

    @Test
    void refusesABillionLaughsDocumentByItsDoctype() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10))
                    .append("\">");
        }
        List<ParseResult> results = parse("<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss version="
                + "\"2.0\"><channel><title>x</title><item><title>&lol9;</title></item></channel></rss>");
        assertThat(results).singleElement().isInstanceOfSatisfying(Rejected.class, rejected ->
                assertThat(rejected.reason()).startsWith("unreadable feed").contains("DOCTYPE is disallowed"));
    }

    @Test
    void rejectsBytesThatAreNoFeed() {
        assertThat(parse("<html><body>not a feed</body></html>").get(0)).isInstanceOf(Rejected.class);
    }
}
