package io.bellwether.enrich.text;

import java.util.List;

/**
 * One sentence of analysed text: its index in the article (0 = title when the title is a sentence of its own),
 * character offsets and tokens.
 */
public record Sentence(int index, int begin, int end, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public int size() {
        return tokens.size();
    }

    /** Character offset just past token {@code last}, inclusive range start..last. */
    public int endOf(int last) {
        return tokens.get(last).end();
    }

    public int beginOf(int first) {
        return tokens.get(first).begin();
    }
}
