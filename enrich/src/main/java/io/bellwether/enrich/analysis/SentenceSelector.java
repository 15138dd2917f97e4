package io.bellwether.enrich.analysis;

import io.bellwether.enrich.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chooses the sentences worth the costly parse + sentiment pass: those that carry a narrative cue phrase or mention
 * a tracked entity (a gazetteer name or an entity in a narrative's camp). Selected sentences longer than the parse
 * length cap are set apart for the cheap lexicon fallback; all other sentences get the cheap pass only.
 */
public final class SentenceSelector {
    private final int maxParseTokens;
    private final boolean everySentence;

    public SentenceSelector(int maxParseTokens) {
        this(maxParseTokens, false);
    }

    /** With {@code everySentence} (the full-pass reference) every sentence is parsed, whatever its length. */
    public SentenceSelector(int maxParseTokens, boolean everySentence) {
        this.maxParseTokens = everySentence ? Integer.MAX_VALUE : maxParseTokens;
        this.everySentence = everySentence;
    }

    /** The selected sentences, split into those to parse and those over the length cap, in text order. */
    public record Selection(List<Sentence> toParse, List<Sentence> overCap) {
        public int size() {
            return toParse.size() + overCap.size();
        }
    }

    public Selection select(List<Sentence> sentences, Set<Integer> cueSentences, Set<Integer> trackedSentences) {
        List<Sentence> toParse = new ArrayList<>();
        List<Sentence> overCap = new ArrayList<>();
        for (Sentence sentence : sentences) {
            boolean selected = everySentence || cueSentences.contains(sentence.index()) || trackedSentences.contains(sentence.index());
            if (selected) {
                (sentence.size() > maxParseTokens ? overCap : toParse).add(sentence);
            }
        }
        return new Selection(List.copyOf(toParse), List.copyOf(overCap));
    }
}
