package io.bellwether.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.TimeRules;
import io.bellwether.ingest.identity.ArticleIds;
import io.bellwether.ingest.identity.UrlCanonicalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reject codes: their wire form, and the code each assembler rule gives. */
class RejectReasonTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private final ArticleAssembler assembler = new ArticleAssembler(TimeRules.defaults(), IngestChannel.FILES,
            Clock.fixed(NOW, ZoneOffset.UTC), new UrlCanonicalizer(), new ArticleIds());

    private RejectReason code(ArticleDraft draft) {
        return ((Rejected) assembler.assemble(draft)).code();
    }

    private static ArticleDraft draft(String title, String body) {
        return ArticleDraft.of("in.jsonl", 2, title, body, NOW);
    }

    @Test
    void writesEveryCodeInLowerCaseWithDashes() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code))
                .containsExactly("invalid-json", "missing-field", "bad-url", "bad-timestamp", "not-utf8", "empty",
                        "too-large", "unreadable", "unsupported")
                .allMatch(code -> code.matches("[a-z0-9-]+"));
    }

    @Test
    void codesAMissingTitleOrBodyAsMissingField() {
        assertThat(code(draft(" ", "body"))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(code(draft("title", null))).isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void codesANonHttpUrlAsBadUrl() {
        assertThat(code(draft("t", "b").withLink("ftp://n.example/x", null))).isEqualTo(RejectReason.BAD_URL);
    }

    @Test
    void codesUnparseableAndAbsurdTimesAsBadTimestamp() {
        assertThat(code(draft("t", "b").withMeta(null, "next tuesday", null, null)))
                .isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(code(draft("t", "b").withMeta(null, "1970-01-01T00:00:00Z", null, null)))
                .isEqualTo(RejectReason.BAD_TIMESTAMP);
        assertThat(code(draft("t", "b").withMeta(null, "2026-03-01T00:00:00Z", null, null)))
                .isEqualTo(RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void keepsTheParsersBytesAndAddsAFallbackOnlyWhenItHasNone() {
        RawInput line = RawInput.of("{\"title\":1}");
        Rejected withBytes = new Rejected("f", 1, RejectReason.INVALID_JSON, "x", line);
        Rejected without = new Rejected("f", 0, RejectReason.EMPTY, "empty file");

        assertThat(withBytes.withRawIfAbsent(RawInput.of("whole file")).raw()).isEqualTo(line);
        assertThat(without.withRawIfAbsent(RawInput.of("whole file")).raw()).isEqualTo(RawInput.of("whole file"));
    }
}
