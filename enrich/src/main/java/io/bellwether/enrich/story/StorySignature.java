package io.bellwether.enrich.story;

import java.util.Arrays;

/**
 * The MinHash signature of an article's text and the number of distinct shingles it was taken from. The
 * similarity of two articles is the overlap coefficient |A ∩ B| / min(|A|, |B|), estimated from the signatures'
 * Jaccard similarity J and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J). Overlap rather than Jaccard
 * because a syndicated copy is often the original with paragraphs trimmed, which Jaccard punishes by the cut.
 */
public record StorySignature(int[] mins, int shingles) {

    public StorySignature {
        mins = mins.clone();
        if (shingles < 0) {
            throw new IllegalArgumentException("negative shingle count: " + shingles);
        }
    }

    @Override
    public int[] mins() {
        return mins.clone();
    }

    /** The share of slots on which both signatures agree: an estimate of the Jaccard similarity. */
    public double jaccard(StorySignature other) {
        if (other.mins.length != mins.length) {
            throw new IllegalArgumentException("signatures of " + mins.length + " and " + other.mins.length
                    + " slots cannot be compared");
        }
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < mins.length; i++) {
            if (mins[i] == other.mins[i]) {
                equal++;
            }
        }
        return equal / (double) mins.length;
    }

    /** The estimated overlap coefficient in [0, 1] (see the class comment). */
    public double similarity(StorySignature other) {
        double jaccard = jaccard(other);
        int smaller = Math.min(shingles, other.shingles);
        if (smaller == 0) {
            return 0;
        }
        double intersection = jaccard * (shingles + other.shingles) / (1 + jaccard);
        return Math.min(1.0, intersection / smaller);
    }

    /** The hash of rows {@code [band * rows, (band + 1) * rows)}: the LSH bucket of this signature in that band. */
    public long bandHash(int band, int rows) {
        long hash = 0x6a09e667f3bcc909L ^ band;
        for (int i = band * rows; i < (band + 1) * rows; i++) {
            hash = MinHasher.mix(hash ^ (mins[i] & 0xffffffffL)) + i;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StorySignature that && shingles == that.shingles && Arrays.equals(mins, that.mins);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mins) + shingles;
    }

    @Override
    public String toString() {
        return "StorySignature[" + mins.length + " slots, " + shingles + " shingles]";
    }
}
