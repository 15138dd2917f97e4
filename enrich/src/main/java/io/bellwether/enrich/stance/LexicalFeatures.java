package io.bellwether.enrich.stance;

import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an article as features of a learned stance layer: sentences in, the presence (1.0) of each lemma
 * and of each pair of adjacent lemmas out, named {@code w:lemma} and {@code w:lemma lemma}, lower-cased, tokens
 * without a letter left out. A learned layer weighs the few hundred of them that told the labelled articles apart
 * (see enrich/README.md, Method); the others cost one map lookup each.
 */
public final class LexicalFeatures {
    private static final String PREFIX = StanceModel.WORD_PREFIX;

    /** Presence features of every lemma and adjacent lemma pair in {@code sentences}. */
    public Map<String, Double> of(List<Sentence> sentences) {
        Map<String, Double> features = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            String previous = null;
            for (Token token : sentence.tokens()) {
                String lemma = normal(token);
                if (lemma == null) {
                    previous = null;
                    continue;
                }
                features.put(PREFIX + lemma, 1.0);
                if (previous != null) {
                    features.put(PREFIX + previous + " " + lemma, 1.0);
                }
                previous = lemma;
            }
        }
        return features;
    }

    private static String normal(Token token) {
        String lemma = token.lemma() == null || token.lemma().isEmpty() ? token.word() : token.lemma();
        return lemma.chars().anyMatch(Character::isLetter) ? lemma.toLowerCase(Locale.ROOT) : null;
    }
}
