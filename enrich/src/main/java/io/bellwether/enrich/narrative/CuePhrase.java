package io.bellwether.enrich.narrative;

/**
 * A cue phrase of one side of a narrative. {@code prior} in [-1, 1] is how the phrase itself judges its side
 * ("walled garden" names the closed side and speaks ill of it: prior -0.6); 0 for neutral names.
 */
public record CuePhrase(String narrativeId, String phrase, Side side, double prior) {

    public CuePhrase {
        if (phrase == null || phrase.isBlank()) {
            throw new IllegalArgumentException("empty cue phrase in narrative " + narrativeId);
        }
        if (prior < -1.0 || prior > 1.0) {
            throw new IllegalArgumentException("cue prior outside [-1, 1]: " + phrase);
        }
    }
}
