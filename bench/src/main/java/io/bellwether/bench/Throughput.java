package io.bellwether.bench;

import java.util.Locale;

/** Articles and sentences handled in a wall-clock span: the rates every phase reports. */
public record Throughput(int articles, long sentences, long nanos) {

    public double articlesPerSecond() {
        return articles / seconds();
    }

    public double sentencesPerSecond() {
        return sentences / seconds();
    }

    public double seconds() {
        return Math.max(1, nanos) / 1e9;
    }

    /** How many times this rate (sentences/s) is {@code baseline}'s. */
    public double ratioTo(Throughput baseline) {
        return sentencesPerSecond() / baseline.sentencesPerSecond();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d articles, %d sentences in %.1f s: %.2f articles/s, %.1f sentences/s",
                articles, sentences, seconds(), articlesPerSecond(), sentencesPerSecond());
    }
}
