package io.bellwether.enrich.story;

import java.util.List;

/** Precision and recall of "same story" over pairs, with the counts behind them. */
record PairScore(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    static PairScore of(List<StoryPairs.Pair> pairs, StorySettings settings) {
        StoryText text = new StoryText(settings);
        StoryMatcher matcher = new StoryMatcher(settings);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (StoryPairs.Pair pair : pairs) {
            boolean same = matcher.sameStory(text.signature(pair.a()), text.signature(pair.b()));
            if (same && pair.same()) {
                tp++;
            } else if (same) {
                fp++;
            } else if (pair.same()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new PairScore(tp, fp, fn, tn);
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : truePositives / (double) (truePositives + falsePositives);
    }

    double recall() {
        return truePositives + falseNegatives == 0 ? 1.0 : truePositives / (double) (truePositives + falseNegatives);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.3f recall %.3f (tp %d, fp %d, fn %d, tn %d)",
                precision(), recall(), truePositives, falsePositives, falseNegatives, trueNegatives);
    }
}
