package io.bellwether.bench;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Agreement of a fast run with the full-pass reference over the articles both hold: share of equal open-vs-closed-ai
 * labels, mean absolute stance difference, and entity-set F1 both micro (pooled counts) and macro (mean of
 * per-article F1; an article where both sets are empty counts as 1).
 */
public record Quality(int articles, double labelAgreement, double meanAbsStanceDiff, double entityF1Micro,
                      double entityF1Macro) {

    public static Quality compare(Map<String, ArticleOutcome> fast, Map<String, ArticleOutcome> reference) {
        int articles = 0;
        int sameLabel = 0;
        double stanceDiff = 0;
        double macro = 0;
        long truePositives = 0;
        long fastTotal = 0;
        long referenceTotal = 0;
        for (ArticleOutcome ref : reference.values()) {
            ArticleOutcome got = fast.get(ref.id());
            if (got == null) {
                continue;
            }
            articles++;
            sameLabel += got.label().equals(ref.label()) ? 1 : 0;
            stanceDiff += Math.abs(got.stance() - ref.stance());
            int common = intersection(got.entities(), ref.entities());
            truePositives += common;
            fastTotal += got.entities().size();
            referenceTotal += ref.entities().size();
            macro += f1(common, got.entities().size(), ref.entities().size());
        }
        if (articles == 0) {
            return new Quality(0, 0, 0, 0, 0);
        }
        return new Quality(articles, (double) sameLabel / articles, stanceDiff / articles,
                f1(truePositives, fastTotal, referenceTotal), macro / articles);
    }

    /** F1 of {@code common} hits among {@code predicted} against {@code expected}; 1 when both are empty. */
    static double f1(long common, long predicted, long expected) {
        if (predicted == 0 && expected == 0) {
            return 1.0;
        }
        return 2.0 * common / (predicted + expected);
    }

    private static int intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d articles: label agreement %.1f%%, mean |stance diff| %.3f,"
                + " entity F1 micro %.3f / macro %.3f", articles, 100 * labelAgreement, meanAbsStanceDiff,
                entityF1Micro, entityF1Macro);
    }
}
