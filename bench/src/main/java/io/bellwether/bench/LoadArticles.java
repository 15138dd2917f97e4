package io.bellwether.bench;

import io.bellwether.avro.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Corpus articles in, an endless stream of varied articles out: the n-th takes a corpus text, rotates its
 * paragraphs by how many times the corpus has been cycled, and gets a new id (so ingest never drops it as a
 * duplicate) and the given time as its publication time.
 */
public final class LoadArticles {
    private final List<Article> bases;
    private final List<String[]> paragraphs = new ArrayList<>();
    private final String runId;

    public LoadArticles(List<Article> bases, String runId) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no corpus articles to vary");
        }
        this.bases = List.copyOf(bases);
        this.runId = runId;
        this.bases.forEach(base -> paragraphs.add(base.getBody().split("\n\\s*\n")));
    }

    /** The {@code n}-th article of this run, published at {@code now}. */
    public Article next(long n, Instant now) {
        int index = (int) (n % bases.size());
        long cycle = n / bases.size();
        Article base = bases.get(index);
        return Article.newBuilder(base)
                .setId("load-" + runId + "-" + n)
                .setTitle(cycle == 0 ? base.getTitle() : base.getTitle() + " (" + (cycle + 1) + ")")
                .setBody(rotated(paragraphs.get(index), cycle))
                .setPublishedAt(now)
                .setIngestedAt(now)
                .build();
    }

    public int corpusSize() {
        return bases.size();
    }

    private static String rotated(String[] parts, long cycle) {
        int shift = (int) (cycle % parts.length);
        String[] order = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            order[i] = parts[(i + shift) % parts.length];
        }
        return String.join("\n\n", Arrays.asList(order));
    }
}
