package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlParserTest {
    private static final String PAGE = """
            <html lang="en-US"><head>
              <title>Open model released | The Daily Wire Example</title>
              <meta property="og:title" content="Open model released">
              <meta property="og:site_name" content="Daily Example">
              <meta property="article:published_time" content="2025-06-01T09:30:00+02:00">
              <meta name="author" content="Sam Writer">
              <link rel="canonical" href="https://daily.example/tech/open-model?utm_source=x">
              <script>var tracking = "do not read me";</script>
            </head><body>
              <nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
              <div class="promo">Subscribe today</div>
              <article>
                <h1>Open model released</h1>
                <p class="byline">By <span class="author">Sam Writer</span> &middot; 1 June 2025</p>
                <p>A lab published its weights under a permissive licence.</p>
                <ul><li><p>Nested point.</p></li></ul>
                <script>alert("no")</script>
                <p>Rivals kept theirs behind an API.</p>
              </article>
              <footer>Copyright notice</footer>
            </body></html>
            """;
    private final HtmlParser parser = new HtmlParser();

    @Test
    void extractsMetadataFromTheHead() {
        ArticleDraft draft = ((Parsed) parser.parse("p.html", PAGE, Instant.EPOCH)).draft();
        assertThat(draft.title()).isEqualTo("Open model released");
        assertThat(draft.publishedAt()).isEqualTo("2025-06-01T09:30:00+02:00");
        assertThat(draft.url()).isEqualTo("https://daily.example/tech/open-model?utm_source=x");
        assertThat(draft.source()).isEqualTo("Daily Example");
        assertThat(draft.author()).isEqualTo("Sam Writer");
        assertThat(draft.language()).isEqualTo("en-US");
    }

    @Test
    void keepsTheArticleTextWithoutNavigationScriptsHeadlineBylineOrFooter() {
        String body = ((Parsed) parser.parse("p.html", PAGE, Instant.EPOCH)).draft().body();
        assertThat(body).isEqualTo("A lab published its weights under a permissive licence."
                + "\n\nNested point.\n\nRivals kept theirs behind an API.");
    }

    @Test
    void fallsBackToTheBodyAndTitleElement() {
        ArticleDraft draft = ((Parsed) parser.parse("q.html", "<html><head><title>Plain page</title></head>"
                + "<body><nav>menu</nav><p>Only text.</p><footer>foot</footer></body></html>", Instant.EPOCH)).draft();
        assertThat(draft.title()).isEqualTo("Plain page");
        assertThat(draft.body()).isEqualTo("Only text.");
        assertThat(draft.url()).isNull();
    }

    @Test
    void rejectsAPageWithoutTitle() {
        assertThat(((Rejected) parser.parse("r.html", "<p>text</p>", Instant.EPOCH)).reason())
                .startsWith("missing title");
    }
}
