package io.bellwether.enrich.text;

import java.util.List;

/**
 * Turns a short phrase from the narrative file into tokens with lemmas, so cue phrases are lemmatised by the same
 * tokenizer and lemmatiser as the articles they are matched against.
 */
@FunctionalInterface
public interface PhraseAnalyzer {
    List<Token> tokens(String phrase);
}
