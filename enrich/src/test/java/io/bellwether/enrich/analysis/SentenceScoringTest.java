package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.narrative.Lexicon;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.SentimentSource;
import io.bellwether.enrich.text.SimpleTokens;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SentenceScoringTest {
    private final SimpleTokens simple = new SimpleTokens();
    private final Lexicon lexicon = new Lexicon(Set.of("good"), Set.of("bad"), Set.of(), Set.of());
    private final Sentiment model = new Sentiment(3, List.of(0.0, 0.1, 0.2, 0.6, 0.1), true);

    @Test
    void fallsBackToTheLexiconOnceTheTimeBudgetIsSpent() {
        AtomicLong clock = new AtomicLong();
        SentenceScoring scoring = new SentenceScoring(lexicon, 10, clock::get);
        List<Sentence> selected = List.of(simple.sentence(0, "a good start"), simple.sentence(1, "a bad end"));
        SentimentSource slow = sentence -> {
            clock.addAndGet(50_000_000L);
            return model;
        };

        SentenceScoring.Scores scores = scoring.score(new SentenceSelector.Selection(selected, List.of()), slow, 0L);

        assertThat(scores.budgetExceeded()).isTrue();
        assertThat(scores.parsed()).isEqualTo(1);
        assertThat(scores.bySentence().get(0).fromModel()).isTrue();
        assertThat(scores.bySentence().get(1).fromModel()).isFalse();
        assertThat(scores.bySentence().get(1).sentimentClass()).isEqualTo(1);
    }

    @Test
    void sendsSentencesOverTheParseCapToTheFallback() {
        SentenceSelector selector = new SentenceSelector(5);
        Sentence shortOne = simple.sentence(0, "open models are good");
        Sentence longOne = simple.sentence(1, "open models are good and cheap and fast and small");
        Sentence untracked = simple.sentence(2, "the weather was fine");

        SentenceSelector.Selection selection = selector.select(List.of(shortOne, longOne, untracked), Set.of(0, 1),
                Set.of());

        assertThat(selection.toParse()).containsExactly(shortOne);
        assertThat(selection.overCap()).containsExactly(longOne);
    }

    @Test
    void mapsTheDistributionToAScoreInTheUnitRange() {
        assertThat(new Sentiment(4, List.of(0.0, 0.0, 0.0, 0.0, 1.0), true).score()).isEqualTo(1.0);
        assertThat(new Sentiment(0, List.of(1.0, 0.0, 0.0, 0.0, 0.0), true).score()).isEqualTo(-1.0);
        assertThat(new Sentiment(2, List.of(), false).score()).isZero();
    }
}
