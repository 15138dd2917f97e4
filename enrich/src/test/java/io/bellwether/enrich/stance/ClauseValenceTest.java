package io.bellwether.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.narrative.Lexicon;
import io.bellwether.enrich.text.SimpleTokens;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClauseValenceTest {
    private final ClauseValence clauses = new ClauseValence(new Lexicon(Set.of("good", "empower"),
            Set.of("dangerous", "risk"), Set.of("attack", "crush"), Set.of("not", "never"), Set.of("beat")));
    private final SimpleTokens simple = new SimpleTokens();

    private ClauseValence.Reading read(String text, int first, int last) {
        List<Token> tokens = simple.tokens(text);
        return clauses.read(tokens, first, last, new boolean[tokens.size()]);
    }

    @Test
    void blamesTheDoerOfAnAttack() {
        // "closed AI" (tokens 3-4) attacks.
        assertThat(read("Big Tech 's closed AI is attacking open models", 3, 4).valence()).isNegative();
    }

    @Test
    void praisesTheWinnerOfAComparisonAndCriticisesTheLoser() {
        // "accountability beats freedom to tinker": the winner is token 0, the loser tokens 2-4.
        assertThat(read("accountability beats freedom to tinker", 0, 0).valence()).isPositive();
        assertThat(read("accountability beats freedom to tinker", 2, 4).valence()).isNegative();
    }

    @Test
    void pitiesTheTargetOfAnAttack() {
        // "open models" (tokens 7-8) are attacked.
        assertThat(read("Big Tech 's closed AI is attacking open models", 7, 8).valence()).isPositive();
    }

    @Test
    void swapsRolesInThePassive() {
        assertThat(read("open models are attacked by rivals", 0, 1).valence()).isPositive();
    }

    @Test
    void flipsANegatedJudgement() {
        assertThat(read("open models are dangerous", 0, 1).valence()).isNegative();
        assertThat(read("open models are not dangerous", 0, 1).valence()).isPositive();
    }

    @Test
    void stopsAtAContrastiveClauseBoundary() {
        ClauseValence.Reading reading = read("open models spread but the risk is dangerous", 0, 1);

        assertThat(reading.hits()).isZero();
    }
}
