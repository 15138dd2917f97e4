package io.bellwether.aggregate.tally;

/**
 * Running sums for one entity within one narrative window; stance is that of the articles mentioning it.
 * Type and camp are merged order-independently (a named camp beats "none", then the smaller name wins).
 */
public record EntityTally(String type, String camp, long articles, long mentions, long stanceSum,
                          long weightedSum, long confidenceSum, long sentimentSum, boolean dirty) {

    static EntityTally first(ArticleSignal.EntityMention mention) {
        return new EntityTally(mention.type(), mention.camp(), 0, 0, 0, 0, 0, 0, false);
    }

    EntityTally add(ArticleSignal article, ArticleSignal.EntityMention mention) {
        return new EntityTally(smaller(type, mention.type()), mergeCamp(camp, mention.camp()), articles + 1,
                mentions + mention.mentions(), stanceSum + article.stance(), weightedSum + article.weightedStance(),
                confidenceSum + article.confidence(), sentimentSum + mention.sentiment(), true);
    }

    EntityTally clean() {
        return new EntityTally(type, camp, articles, mentions, stanceSum, weightedSum, confidenceSum, sentimentSum,
                false);
    }

    public double meanStance() {
        return Fixed.mean(stanceSum, articles);
    }

    /** Confidence-weighted stance; zero when every article had zero confidence. */
    public double weightedStance() {
        return Fixed.ratio(weightedSum, confidenceSum);
    }

    public double meanSentiment() {
        return Fixed.mean(sentimentSum, articles);
    }

    private static String smaller(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String mergeCamp(String a, String b) {
        if ("none".equals(a)) {
            return b;
        }
        return "none".equals(b) ? a : smaller(a, b);
    }
}
