package io.bellwether.enrich.story;

import io.bellwether.avro.Article;

/** The signature of an article's text (title, blank line, body) under one set of story settings. */
public final class StoryText {
    private final Shingles shingles;
    private final MinHasher hasher;

    public StoryText(StorySettings settings) {
        this.shingles = new Shingles(settings.shingleSize());
        this.hasher = new MinHasher(settings.slots());
    }

    public StorySignature signature(Article article) {
        return signature(article.getTitle() + "\n\n" + article.getBody());
    }

    public StorySignature signature(String text) {
        long[] set = shingles.of(text);
        return new StorySignature(hasher.signature(set), set.length);
    }
}
