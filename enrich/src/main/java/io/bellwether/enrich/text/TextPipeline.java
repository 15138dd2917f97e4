package io.bellwether.enrich.text;

import java.util.List;

/**
 * The port to the NLP library: a cheap pass over a whole text (sentences, tokens, lemmas, POS and NER tags) and,
 * on demand, the costly sentiment of one sentence of it. The analysis knows the library only through this
 * interface; {@code io.bellwether.enrich.corenlp} holds the one implementation. Safe for concurrent calls.
 */
public interface TextPipeline extends PhraseAnalyzer {

    /** The cheap pass over {@code text}; the sentiment source parses a sentence of it when asked. */
    Annotated annotate(String text);

    /** The library, its models and settings, as they enter the pipeline version. */
    List<String> versionParts();

    /** One text after the cheap pass, with the costly sentence sentiment on demand. */
    record Annotated(List<Sentence> sentences, SentimentSource sentiment) {
        public Annotated {
            sentences = List.copyOf(sentences);
        }
    }
}
