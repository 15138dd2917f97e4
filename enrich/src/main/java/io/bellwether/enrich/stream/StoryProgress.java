package io.bellwether.enrich.stream;

/**
 * What the band tasks may ask about the enrich application's progress when a query waits for an input partition
 * that has sent nothing newer: has that partition been processed to its end, and has the band task taken in every
 * story query written before that? Then nothing earlier can still come from it, however long it has been quiet.
 */
public interface StoryProgress {

    /**
     * True when input partition {@code input} was found processed to its end by a look that began after
     * {@code heldSince} (wall-clock milliseconds: when the waiting query reached its band task), and band partition
     * {@code band} then consumed every query written until that look. A look from before the query came says nothing
     * of records published after it: an original published together with its copy, but after that look, may still
     * be on its way.
     */
    boolean drained(int input, int band, long heldSince);

    /** Progress that is never known: a waiting query waits for newer queries or the order wait. */
    static StoryProgress unknown() {
        return (input, band, heldSince) -> false;
    }
}
