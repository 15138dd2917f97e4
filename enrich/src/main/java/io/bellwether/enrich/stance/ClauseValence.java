package io.bellwether.enrich.stance;

import io.bellwether.enrich.narrative.Lexicon;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what the clause around a cue says about it, from the evaluative lexicon: praise counts +1 and criticism -1;
 * a verb or noun of aggression blames its doer (the cue comes before it) and pities its target (the cue comes after
 * it), swapped in the passive, unless a criticising word follows within four words (blocking abuse is to the doer's
 * credit); a verb of comparison praises its doer and criticises its object ("accountability beats freedom to
 * tinker"), swapped in the passive; a negator up to three words before a word flips it. Each word counts less the
 * farther it is from the cue (1 / (1 + 0.15 distance)); the sum is squashed with tanh into [-1, 1]. A negator up to
 * three words before the cue itself is reported too, so the scorer can turn the cue's prior.
 * The clause ends at ; : and at contrastive words (but, while, whereas, although, though, however, yet).
 */
public final class ClauseValence {
    private static final Set<String> BOUNDARIES = Set.of(";", ":", "--", "but", "while", "whereas", "although",
            "though", "however", "yet");
    private static final int NEGATION_REACH = 3;
    private static final int CUE_NEGATION_REACH = 3;
    private static final int TARGET_REACH = 4;

    private final Lexicon lexicon;

    public ClauseValence(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The valence in [-1, 1] of what the clause says about the cue, how many lexicon words said it, and whether a
     * negator stands shortly before the cue ("is not a gift to bad actors"), which turns the cue's own judgement.
     */
    public record Reading(double valence, int hits, boolean negated) {
        public Reading(double valence, int hits) {
            this(valence, hits, false);
        }
    }

    /**
     * @param first first token of the cue
     * @param last last token of the cue, inclusive
     * @param ignored tokens that belong to cues themselves and so judge nothing else
     */
    public Reading read(List<Token> tokens, int first, int last, boolean[] ignored) {
        int from = clauseStart(tokens, first);
        int to = clauseEnd(tokens, last);
        double sum = 0.0;
        int hits = 0;
        for (int at = from; at <= to; at++) {
            if ((at >= first && at <= last) || ignored[at]) {
                continue;
            }
            double judgement = judgement(tokens, at, at < first);
            if (judgement != 0.0) {
                int distance = at < first ? first - at : at - last;
                sum += judgement / (1.0 + 0.15 * distance);
                hits++;
            }
        }
        return new Reading(Math.tanh(sum), hits, negatedCue(tokens, Math.max(from, first - CUE_NEGATION_REACH), first));
    }

    private double judgement(List<Token> tokens, int at, boolean wordBeforeCue) {
        String lemma = lemma(tokens.get(at));
        double value;
        if (lexicon.comparison().contains(lemma)) {
            value = wordBeforeCue ^ isPassive(tokens, at) ? -1.0 : 1.0;
        } else if (lexicon.aggression().contains(lemma)) {
            boolean cueIsTarget = wordBeforeCue ^ isPassive(tokens, at);
            value = cueIsTarget ? 1.0 : stopsHarm(tokens, at) ? 1.0 : -1.0;
        } else {
            value = lexicon.polarity(lemma);
        }
        return value != 0.0 && negated(tokens, at) ? -value : value;
    }

    /** "block abusive accounts": aggression aimed at something bad is to the doer's credit. */
    private boolean stopsHarm(List<Token> tokens, int verb) {
        for (int next = verb + 1; next < Math.min(tokens.size(), verb + 1 + TARGET_REACH); next++) {
            if (lexicon.polarity(lemma(tokens.get(next))) < 0) {
                return true;
            }
        }
        return false;
    }

    private boolean negated(List<Token> tokens, int at) {
        return negatedCue(tokens, Math.max(0, at - NEGATION_REACH), at);
    }

    private boolean negatedCue(List<Token> tokens, int from, int at) {
        for (int back = from; back < at; back++) {
            if (lexicon.negators().contains(lemma(tokens.get(back)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPassive(List<Token> tokens, int at) {
        if (!"VBN".equals(tokens.get(at).pos())) {
            return false;
        }
        for (int back = Math.max(0, at - 2); back < at; back++) {
            if ("be".equals(lemma(tokens.get(back))) || "get".equals(lemma(tokens.get(back)))) {
                return true;
            }
        }
        return false;
    }

    private static int clauseStart(List<Token> tokens, int first) {
        int at = first;
        while (at > 0 && !BOUNDARIES.contains(lemma(tokens.get(at - 1)))) {
            at--;
        }
        return at;
    }

    private static int clauseEnd(List<Token> tokens, int last) {
        int at = last;
        while (at < tokens.size() - 1 && !BOUNDARIES.contains(lemma(tokens.get(at + 1)))) {
            at++;
        }
        return at;
    }

    private static String lemma(Token token) {
        String lemma = token.lemma() == null ? token.word() : token.lemma();
        return lemma.toLowerCase(Locale.ROOT);
    }
}
