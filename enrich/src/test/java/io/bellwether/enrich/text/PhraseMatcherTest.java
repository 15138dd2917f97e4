package io.bellwether.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
    private final SimpleTokens tokens = new SimpleTokens();

    @Test
    void matchesCueOnLemmasAcrossHyphensAndCase() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .addLemmatised(tokens.tokens("open weight model"), "cue").build();

        List<PhraseMatcher.Match<String>> found = matcher.find(tokens.tokens("Two Open-Weight Models shipped"));

        assertThat(found).containsExactly(new PhraseMatcher.Match<>("cue", 1, 2));
    }

    @Test
    void matchesNamesOnlyWithTheirCase() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .addExact(tokens.tokens("Meta"), "Meta").build();

        assertThat(matcher.find(tokens.tokens("a meta analysis"))).isEmpty();
        assertThat(matcher.find(tokens.tokens("Meta released it"))).hasSize(1);
    }

    @Test
    void prefersTheLongestPhraseAtAPosition() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .addLemmatised(tokens.tokens("open source"), "short")
                .addLemmatised(tokens.tokens("open source model"), "long").build();

        assertThat(matcher.find(tokens.tokens("an open source model and open source code")))
                .extracting(PhraseMatcher.Match::payload).containsExactly("long", "short");
    }

    @Test
    void cuesSkipDeterminersAndPossessivesInsideThePhrase() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .addLemmatised(tokens.tokens("release the weights"), "cue").build();

        assertThat(matcher.find(tokens.tokens("labs release weights"))).containsExactly(
                new PhraseMatcher.Match<>("cue", 1, 2));
        assertThat(matcher.find(tokens.tokens("they release their weights today"))).containsExactly(
                new PhraseMatcher.Match<>("cue", 1, 3));
        assertThat(matcher.find(tokens.tokens("release the new weights"))).isEmpty();
    }

    @Test
    void namesDoNotSkipDeterminers() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .addExact(tokens.tokens("Allen Institute"), "name").build();

        assertThat(matcher.find(tokens.tokens("Allen the Institute"))).isEmpty();
    }
}
