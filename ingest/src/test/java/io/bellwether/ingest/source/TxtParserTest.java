package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TxtParserTest {
    private final TxtParser parser = new TxtParser();

    @Test
    void takesTheFirstNonBlankLineAsTitleAndTheRestAsBody() {
        ArticleDraft draft = ((Parsed) parser.parse("a.txt", "\uFEFF\n  Lab opens its weights\n\nFirst para.\r\n"
                + "Second para.\n", Instant.EPOCH)).draft();
        assertThat(draft.title()).isEqualTo("Lab opens its weights");
        assertThat(draft.body()).isEqualTo("First para.\nSecond para.");
        assertThat(draft.line()).isEqualTo(2);
        assertThat(draft.fallbackTime()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void rejectsAnEmptyFileAndATitleWithoutBody() {
        assertThat(parser.parse("e.txt", " \n\n", Instant.EPOCH))
                .isEqualTo(new Rejected("e.txt", 0, RejectReason.EMPTY, "empty file", RawInput.of(" \n\n")));
        assertThat(((Rejected) parser.parse("t.txt", "Only a title\n", Instant.EPOCH)).describe())
                .isEqualTo("t.txt:1: missing body: only a title line");
    }
}
