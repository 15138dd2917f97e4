package io.bellwether.enrich.story;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The word shingles of a text: the text normalised (Unicode NFKC, lower case, every run of characters that are
 * not letters or digits one word break), then each run of {@code size} consecutive words hashed to 64 bits
 * (FNV-1a over the UTF-8 words, so the hashes are the same on every JVM). Distinct hashes, sorted.
 */
public final class Shingles {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int size;

    public Shingles(int size) {
        if (size < 1 || size > 8) {
            throw new IllegalArgumentException("shingle size must be in 1..8: " + size);
        }
        this.size = size;
    }

    public long[] of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new long[0];
        }
        int count = Math.max(1, words.size() - size + 1);
        long[] hashes = new long[count];
        for (int start = 0; start < count; start++) {
            long hash = FNV_OFFSET;
            for (int i = start; i < Math.min(words.size(), start + size); i++) {
                for (byte b : words.get(i).getBytes(StandardCharsets.UTF_8)) {
                    hash = (hash ^ (b & 0xff)) * FNV_PRIME;
                }
                hash = (hash ^ ' ') * FNV_PRIME;
            }
            hashes[start] = hash;
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean wordChar = i < normal.length() && Character.isLetterOrDigit(normal.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normal.substring(start, i));
                start = -1;
            }
        }
        return words;
    }
}
