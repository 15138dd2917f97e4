package io.bellwether.enrich.entity;

/**
 * One mention of a named entity in a sentence, as tagged by NER or found by the gazetteer (then {@code canonical}
 * is the gazetteer name, else null), with its inclusive token range in the sentence.
 */
public record EntityMention(String text, String type, int sentence, int firstToken, int lastToken, String canonical) {
}
