package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenLengthCapTest {
    private final TokenLengthCap cap = new TokenLengthCap();

    @Test
    void leavesOrdinaryTextAsItIs() {
        String text = "Open models gain ground.\n\nHugging Face said so on Tuesday.";

        TokenLengthCap.Capped out = cap.cap(text);

        assertThat(out.text()).isSameAs(text);
        assertThat(out.capped()).isFalse();
    }

    @Test
    void keepsARunOfExactlyTheLimit() {
        String text = "a " + "x".repeat(TokenLengthCap.MAX_RUN) + " b";

        assertThat(cap.cap(text).capped()).isFalse();
    }

    @Test
    void keepsTheFirstFiftyCharactersOfAnOverlongRunAndBlanksTheRest() {
        String blob = "Q".repeat(TokenLengthCap.MAX_RUN + 1);
        String text = "before " + blob + " after";

        TokenLengthCap.Capped out = cap.cap(text);

        assertThat(out.capped()).isTrue();
        assertThat(out.text()).hasSameSizeAs(text)
                .isEqualTo("before " + "Q".repeat(50) + " ".repeat(blob.length() - 50) + " after");
    }

    @Test
    void keepsTheOffsetsOfTheTextAfterACappedRun() {
        String text = "x".repeat(20_000) + "\n\nMeta released the weights.";

        String out = cap.cap(text).text();

        assertThat(out.indexOf("Meta")).isEqualTo(text.indexOf("Meta"));
        assertThat(out.substring(out.indexOf("Meta"))).isEqualTo("Meta released the weights.");
    }

    @Test
    void capsEveryOverlongRunAndTreatsNewlinesAndTabsAsBlanks() {
        String text = "y".repeat(600) + "\t" + "ok" + "\n" + "z".repeat(700);

        String out = cap.cap(text).text();

        assertThat(out).startsWith("y".repeat(50) + " ").contains("\tok\n" + "z".repeat(50) + " ")
                .doesNotContain("y".repeat(51)).doesNotContain("z".repeat(51)).hasSameSizeAs(text);
    }

    @Test
    void neverKeepsHalfOfASurrogatePair() {
        String text = "a".repeat(49) + "\uD83D\uDE00" + "b".repeat(600);

        String out = cap.cap(text).text();

        assertThat(out).startsWith("a".repeat(49) + " ").hasSameSizeAs(text);
        assertThat(out.chars().anyMatch(c -> Character.isSurrogate((char) c))).isFalse();
    }
}
