package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruncationTest {

    @Test
    void cutsAnOverlongBodyAtTheLastBlankBeforeTheLimit() {
        String body = "alpha beta gamma delta epsilon";

        assertThat(ArticleAnalyzer.cut(body, 13)).isEqualTo("alpha beta");
    }

    @Test
    void cutsMidWordWhenNoBlankIsNearTheLimit() {
        assertThat(ArticleAnalyzer.cut("abcdefghijklmnop", 8)).isEqualTo("abcdefgh");
    }
}
