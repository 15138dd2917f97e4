package io.bellwether.enrich.stream;

/**
 * What the band tasks may ask about the enrich application's progress when a query waits for an input partition
 * that has sent nothing newer: has that partition been processed to its end, and has the band task taken in every
 * story query written before that? Then nothing earlier can still come from it, however long it has been quiet.
 */
public interface StoryProgress {

    /**
     * True when input partition {@code input} was processed to its end and band partition {@code band} then
     * consumed every query written until that point, as last seen.
     */
    boolean drained(int input, int band);

    /** Progress that is never known: a waiting query waits for newer queries or the order wait. */
    static StoryProgress unknown() {
        return (input, band) -> false;
    }
}
