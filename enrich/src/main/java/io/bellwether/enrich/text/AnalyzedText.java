package io.bellwether.enrich.text;

import java.util.List;

/**
 * The output of the cheap NLP pass over one article: the text that was analysed (title, blank line, body,
 * possibly cut), whether it was cut, and its sentences with tokens, lemmas and entity tags.
 */
public record AnalyzedText(String text, boolean truncated, List<Sentence> sentences) {

    public AnalyzedText {
        sentences = List.copyOf(sentences);
    }
}
