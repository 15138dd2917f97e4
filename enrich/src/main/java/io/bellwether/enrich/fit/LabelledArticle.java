package io.bellwether.enrich.fit;

import io.bellwether.avro.Article;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of a labelled file ({@code eval} and {@code fit}): {@code id}, {@code title}, {@code text} and
 * {@code label} (pro_open, pro_closed, neutral, irrelevant), and optionally {@code narrative} (the narrative the
 * label is for; open-vs-closed-ai when absent), {@code group} (the site or author: cross-validation keeps a group in
 * one fold, so a house style cannot leak between folds; the id when absent) and {@code entities} (the names a
 * reader would call the piece's main actors, for entity recall).
 */
public record LabelledArticle(String id, String title, String text, String label, Optional<String> narrative,
                              String group, List<String> entities) {
    public static final String DEFAULT_NARRATIVE = "open-vs-closed-ai";
    public static final List<String> LABELS = List.of("pro_open", "pro_closed", "neutral", "irrelevant");

    public LabelledArticle {
        entities = List.copyOf(entities);
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("label must be one of " + LABELS + ", got '" + label + "'");
        }
    }

    /** The narrative the label is for. */
    public String narrativeId() {
        return narrative.orElse(DEFAULT_NARRATIVE);
    }

    /** The article as the analyzer takes it (no source, URL or time: they do not enter the analysis). */
    public Article article() {
        return Article.newBuilder().setId(id).setSource("labelled").setTitle(title).setBody(text)
                .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build();
    }
}
