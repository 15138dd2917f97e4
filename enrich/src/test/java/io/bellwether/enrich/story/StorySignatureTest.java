package io.bellwether.enrich.story;

import static io.bellwether.enrich.story.StoryTexts.OTHER;
import static io.bellwether.enrich.story.StoryTexts.OTHER_BODY;
import static io.bellwether.enrich.story.StoryTexts.WIRE;
import static io.bellwether.enrich.story.StoryTexts.WIRE_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorySignatureTest {
    private final StorySettings settings = StorySettings.defaults();
    private final StoryText text = new StoryText(settings);
    private final StoryMatcher matcher = new StoryMatcher(settings);

    @Test
    void anIdenticalTextHasSimilarityOneAndSharesEveryBand() {
        StorySignature a = text.signature(WIRE + "\n\n" + WIRE_BODY);
        StorySignature b = text.signature(WIRE + "\n\n" + WIRE_BODY);

        assertThat(a).isEqualTo(b);
        assertThat(a.similarity(b)).isEqualTo(1.0);
        for (int band = 0; band < settings.bands(); band++) {
            assertThat(a.bandHash(band, settings.rows())).isEqualTo(b.bandHash(band, settings.rows()));
        }
        assertThat(matcher.sameStory(a, b)).isTrue();
    }

    @Test
    void aTrimmedCopyKeepsAHighOverlapWhereJaccardFallsWithTheCut() {
        StorySignature full = text.signature(WIRE + "\n\n" + WIRE_BODY);
        StorySignature lead = text.signature(WIRE + "\n\n" + WIRE_BODY.substring(0, WIRE_BODY.indexOf("\n\n")));

        assertThat(full.jaccard(lead)).isLessThan(0.5);
        assertThat(full.similarity(lead)).isGreaterThan(0.8);
        assertThat(matcher.sameStory(full, lead)).isTrue();
    }

    @Test
    void anUnrelatedTextIsNotTheSameStory() {
        StorySignature wire = text.signature(WIRE + "\n\n" + WIRE_BODY);
        StorySignature other = text.signature(OTHER + "\n\n" + OTHER_BODY);

        assertThat(wire.similarity(other)).isLessThan(0.1);
        assertThat(matcher.sameStory(wire, other)).isFalse();
    }

    @Test
    void anEmptyTextIsSimilarToNothing() {
        StorySignature empty = text.signature("");
        assertThat(empty.shingles()).isZero();
        assertThat(empty.similarity(empty)).isZero();
    }

    @Test
    void refusesToCompareSignaturesOfDifferentSizes() {
        StorySignature small = new StoryText(new StorySettings(settings.horizon(), 3, 4, 2, 0.5, 12, true, StorySettings.DEFAULT_ORDER_WAIT))
                .signature(WIRE);
        assertThatThrownBy(() -> small.jaccard(text.signature(WIRE))).hasMessageContaining("cannot be compared");
    }
}
