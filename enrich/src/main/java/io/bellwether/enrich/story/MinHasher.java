package io.bellwether.enrich.story;

/**
 * MinHash: for each of {@code slots} hash functions, the smallest value any shingle of the set takes. Two sets
 * agree on a slot with probability equal to their Jaccard similarity, so the share of agreeing slots estimates it.
 * The hash functions are a fixed 64-bit mixer (SplitMix64's finaliser) over the shingle xor a per-slot constant,
 * kept to their upper 32 bits: no seeds, no state, the same signature on every instance and in every replay.
 */
public final class MinHasher {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final int slots;

    public MinHasher(int slots) {
        if (slots < 1 || slots > 1024) {
            throw new IllegalArgumentException("MinHash slots must be in 1..1024: " + slots);
        }
        this.slots = slots;
    }

    public int slots() {
        return slots;
    }

    /** The signature of a set of shingle hashes; an empty set gives all slots {@code Integer.MAX_VALUE}. */
    public int[] signature(long[] shingles) {
        int[] mins = new int[slots];
        for (int slot = 0; slot < slots; slot++) {
            long salt = GOLDEN * (slot + 1);
            long min = Long.MAX_VALUE;
            for (long shingle : shingles) {
                min = Math.min(min, mix(shingle ^ salt) >>> 1);
            }
            mins[slot] = (int) (min >>> 31);
        }
        return mins;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
