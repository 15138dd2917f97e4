package io.bellwether.enrich.text;

/**
 * One token of analysed text: its surface form, lemma, part of speech, named-entity tag and character offsets
 * in the analysed text. Produced by the NLP adapter, read by every pure step after it.
 */
public record Token(String word, String lemma, String pos, String ner, int begin, int end) {

    /** The same token with another named-entity tag (used when the gazetteer overrides the statistical tagger). */
    public Token withNer(String tag) {
        return new Token(word, lemma, pos, tag, begin, end);
    }
}
