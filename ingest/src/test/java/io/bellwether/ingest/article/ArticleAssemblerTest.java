package io.bellwether.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.TimeRules;
import io.bellwether.ingest.identity.ArticleIds;
import io.bellwether.ingest.identity.UrlCanonicalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleAssemblerTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Instant MTIME = Instant.parse("2026-01-09T08:00:00Z");
    private final ArticleAssembler assembler = new ArticleAssembler(TimeRules.defaults(), IngestChannel.FILES,
            Clock.fixed(NOW, ZoneOffset.UTC), new UrlCanonicalizer(), new ArticleIds());

    private static ArticleDraft draft() {
        return ArticleDraft.of("in.jsonl", 3, " Open weights gain ground ", "Body text.", MTIME);
    }

    private Article ready(ArticleDraft draft) {
        Assembly assembly = assembler.assemble(draft);
        assertThat(assembly).isInstanceOf(Ready.class);
        return ((Ready) assembly).article();
    }

    private String rejection(ArticleDraft draft) {
        Assembly assembly = assembler.assemble(draft);
        assertThat(assembly).isInstanceOf(Rejected.class);
        return ((Rejected) assembly).describe();
    }

    @Test
    void usesTheStatedPublicationTimeAsEventTime() {
        Article article = ready(draft().withMeta("Wire", "2026-01-05T10:00:00Z", "A. Writer", "en-GB"));
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
        assertThat(article.getSource()).isEqualTo("Wire");
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getTitle()).isEqualTo("Open weights gain ground");
        assertThat(article.getIngestChannel()).isEqualTo("files");
    }

    @Test
    void fallsBackToTheDraftsFallbackTimeWhenNoneIsStated() {
        assertThat(ready(draft()).getPublishedAt()).isEqualTo(MTIME);
    }

    @Test
    void storesTheCanonicalUrlAndNamesTheHostAsSourceWhenNoneIsGiven() {
        Article article = ready(draft().withLink("https://News.example/ai/?utm_source=feed", null));
        assertThat(article.getUrl()).isEqualTo("https://news.example/ai");
        assertThat(article.getSource()).isEqualTo("news.example");
    }

    @Test
    void keepsAnIdTheInputAlreadyCarries() {
        assertThat(ready(draft().withId("0123456789abcdef0123456789abcdef")).getId())
                .isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void rejectsMissingTitleOrBodyWithFileAndLine() {
        assertThat(rejection(ArticleDraft.of("in.jsonl", 4, " ", "body", MTIME))).isEqualTo("in.jsonl:4: missing title");
        assertThat(rejection(ArticleDraft.of("in.jsonl", 5, "title", null, MTIME))).isEqualTo("in.jsonl:5: missing body");
    }

    @Test
    void rejectsAnUnparseablePublicationTime() {
        assertThat(rejection(draft().withMeta(null, "soon", null, null)))
                .isEqualTo("in.jsonl:3: unparseable publishedAt 'soon'");
    }

    @Test
    void rejectsTimesBefore1990AndMoreThanADayAhead() {
        assertThat(rejection(draft().withMeta(null, "1989-12-31T23:59:59Z", null, null))).contains("before 1990");
        assertThat(rejection(draft().withMeta(null, "2026-01-11T12:00:01Z", null, null))).contains("in the future");
        assertThat(ready(draft().withMeta(null, "2026-01-11T11:59:59Z", null, null)).getPublishedAt())
                .isEqualTo(Instant.parse("2026-01-11T11:59:59Z"));
    }

    @Test
    void rejectsAUrlThatIsNotAbsoluteHttp() {
        assertThat(rejection(draft().withLink("mailto:desk@news.example", null))).contains("url is not an absolute");
    }
}
