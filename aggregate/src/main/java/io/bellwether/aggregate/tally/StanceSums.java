package io.bellwether.aggregate.tally;

/**
 * The fixed-point sums behind a window's stance and sentiment figures, shared by narrative and entity tallies.
 * Means are derived on read, so the stored state stays order-independent.
 */
public record StanceSums(long articles, long stance, long weighted, long confidence, long sentiment) {

    public static final StanceSums NONE = new StanceSums(0, 0, 0, 0, 0);

    /** These sums plus one article's signal, with {@code sentiment} as the sentiment it contributes. */
    StanceSums plus(ArticleSignal signal, long articleSentiment) {
        return new StanceSums(articles + 1, stance + signal.stance(), weighted + signal.weightedStance(),
                confidence + signal.confidence(), sentiment + articleSentiment);
    }

    /** The sums of two disjoint sets of articles. */
    StanceSums plus(StanceSums other) {
        return new StanceSums(articles + other.articles, stance + other.stance, weighted + other.weighted,
                confidence + other.confidence, sentiment + other.sentiment);
    }

    public double meanStance() {
        return Fixed.mean(stance, articles);
    }

    /** Confidence-weighted stance; zero when every article had zero confidence. */
    public double weightedStance() {
        return Fixed.ratio(weighted, confidence);
    }

    public double meanSentiment() {
        return Fixed.mean(sentiment, articles);
    }

    /** Change in weighted stance since {@code previous}; null when there is no previous window with articles. */
    public Double momentumSince(StanceSums previous) {
        return previous == null || previous.articles() == 0 ? null : weightedStance() - previous.weightedStance();
    }
}
