package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArticleParserTest {
    private final JsonArticleParser parser = new JsonArticleParser();

    @Test
    void readsEveryKnownFieldOfAnObject() {
        String json = """
                {"id": "abc", "title": "T", "body": "B", "url": "https://n.example/t", "source": "Wire",
                 "publishedAt": "2025-01-02T03:04:05Z", "author": "R. Eporter", "language": "en",
                 "guid": "g-1", "ingestedAt": "2025-01-02T04:00:00Z"}
                """;
        ArticleDraft draft = ((Parsed) parser.parseDocument("a.json", json, Instant.EPOCH).get(0)).draft();
        assertThat(draft).isEqualTo(new ArticleDraft("a.json", 1, "abc", "T", "B", "https://n.example/t", "g-1",
                "Wire", "2025-01-02T03:04:05Z", "R. Eporter", "en", Instant.EPOCH));
    }

    @Test
    void readsAnArrayAsSeveralArticles() {
        List<ParseResult> results = parser.parseDocument("push", "[{\"title\":\"a\",\"body\":\"x\"},"
                + "{\"title\":\"b\",\"body\":\"y\"}, 3]", Instant.EPOCH);
        assertThat(results).hasSize(3);
        assertThat(((Parsed) results.get(1)).draft().title()).isEqualTo("b");
        assertThat(((Rejected) results.get(2)).describe()).isEqualTo("push[2]: expected a JSON object");
    }

    @Test
    void readsNumericPublicationTimesAsText() {
        ArticleDraft draft = ((Parsed) parser.parseLine("f.jsonl", 2,
                "{\"title\":\"t\",\"body\":\"b\",\"publishedAt\":1741064767000}", Instant.EPOCH)).draft();
        assertThat(draft.publishedAt()).isEqualTo("1741064767000");
        assertThat(draft.line()).isEqualTo(2);
    }

    @Test
    void reportsBrokenJsonWithItsLine() {
        Rejected rejected = (Rejected) parser.parseLine("f.jsonl", 7, "{\"title\": ", Instant.EPOCH);
        assertThat(rejected.describe()).startsWith("f.jsonl:7: invalid JSON");
        Rejected inDocument = (Rejected) parser.parseDocument("d.json", "{\n\"title\": \"x\",\n oops\n}",
                Instant.EPOCH).get(0);
        assertThat(inDocument.line()).isEqualTo(3);
    }

    @Test
    void rejectsAFieldThatIsNotAString() {
        assertThat(((Rejected) parser.parseLine("f.jsonl", 1, "{\"title\":{\"a\":1},\"body\":\"b\"}",
                Instant.EPOCH)).reason()).isEqualTo("field 'title' must be a string");
    }

    @Test
    void codesBrokenJsonAndNonObjectsAsInvalidJsonWithTheLinesBytes() {
        Rejected broken = (Rejected) parser.parseLine("f.jsonl", 7, "{\"title\": ", Instant.EPOCH);
        assertThat(broken.code()).isEqualTo(RejectReason.INVALID_JSON);
        assertThat(broken.raw()).isEqualTo(RawInput.of("{\"title\": "));
        assertThat(((Rejected) parser.parseLine("f.jsonl", 1, "[1]", Instant.EPOCH)).code())
                .isEqualTo(RejectReason.INVALID_JSON);
    }

    @Test
    void codesABlankDocumentAsEmpty() {
        assertThat(((Rejected) parser.parseDocument("d.json", "  ", Instant.EPOCH).get(0)).code())
                .isEqualTo(RejectReason.EMPTY);
    }
}
