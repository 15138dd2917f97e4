package io.bellwether.enrich.analysis;

/**
 * Blanks the tail of overlong words before the NLP pass: a run of non-blank characters longer than
 * {@link #MAX_RUN} keeps its first {@link #KEPT} characters and the rest become spaces. The text keeps its length,
 * so every offset into it (sentences, tokens, evidence) stays valid. Such runs are base64 blobs, minified code or
 * hostile input, never prose; whole, they cost the tokenizer, tagger and NER seconds and gigabytes.
 */
public final class TokenLengthCap {
    public static final int MAX_RUN = 500;
    public static final int KEPT = 50;

    /** The text with every overlong run capped, and whether any was. */
    public record Capped(String text, boolean capped) {
    }

    public Capped cap(String text) {
        char[] chars = null;
        int runStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!blank && runStart < 0) {
                runStart = i;
            } else if (blank && runStart >= 0) {
                if (i - runStart > MAX_RUN) {
                    chars = chars == null ? text.toCharArray() : chars;
                    blank(chars, runStart, i);
                }
                runStart = -1;
            }
        }
        return chars == null ? new Capped(text, false) : new Capped(new String(chars), true);
    }

    private static void blank(char[] chars, int runStart, int runEnd) {
        int keep = runStart + KEPT;
        // Do not keep half of a surrogate pair.
        if (Character.isHighSurrogate(chars[keep - 1])) {
            keep--;
        }
        for (int i = keep; i < runEnd; i++) {
            chars[i] = ' ';
        }
    }
}
