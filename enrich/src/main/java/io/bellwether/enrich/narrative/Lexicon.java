package io.bellwether.enrich.narrative;

import java.util.Set;

/**
 * The small evaluative lexicon (lower-case lemmas) used to read what a clause says about a cue: praise, criticism,
 * verbs of aggression (the doer is blamed, the target pitied), verbs of comparison (the winner is praised, the loser
 * criticised: "accountability beats tinkering") and negators that flip what follows them.
 */
public record Lexicon(Set<String> positive, Set<String> negative, Set<String> aggression, Set<String> negators,
                      Set<String> comparison) {

    public Lexicon {
        positive = Set.copyOf(positive);
        negative = Set.copyOf(negative);
        aggression = Set.copyOf(aggression);
        negators = Set.copyOf(negators);
        comparison = Set.copyOf(comparison);
    }

    /** A lexicon without verbs of comparison. */
    public Lexicon(Set<String> positive, Set<String> negative, Set<String> aggression, Set<String> negators) {
        this(positive, negative, aggression, negators, Set.of());
    }

    /** +1 for a praising lemma, -1 for a criticising one, 0 otherwise. */
    public int polarity(String lemma) {
        if (positive.contains(lemma)) {
            return 1;
        }
        return negative.contains(lemma) ? -1 : 0;
    }
}
