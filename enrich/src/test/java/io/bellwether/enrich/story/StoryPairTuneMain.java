package io.bellwether.enrich.story;

import java.util.List;
import java.util.Locale;

/**
 * Grid search of the story settings on the {@code tune} half of the pair set: prints precision, recall and the
 * similarity of every tune pair under the defaults, then each setting of the grid. The {@code test} half is not
 * read here; {@link StoryPairSetTest} reports it for the chosen defaults.
 */
public final class StoryPairTuneMain {
    private StoryPairTuneMain() {
    }

    public static void main(String[] args) {
        List<StoryPairs.Pair> tune = StoryPairs.load().stream().filter(pair -> pair.split().equals("tune")).toList();
        StorySettings defaults = StorySettings.defaults();
        StoryText text = new StoryText(defaults);
        for (StoryPairs.Pair pair : tune) {
            StorySignature a = text.signature(pair.a());
            StorySignature b = text.signature(pair.b());
            System.out.printf(Locale.ROOT, "%-16s same=%-5s jaccard %.3f overlap %.3f%n", pair.id(), pair.same(),
                    a.jaccard(b), a.similarity(b));
        }
        for (int shingle = 2; shingle <= 4; shingle++) {
            for (int[] banding : new int[][] {{16, 4}, {32, 2}, {20, 3}, {32, 4}}) {
                for (double threshold = 0.2; threshold <= 0.81; threshold += 0.1) {
                    StorySettings settings = new StorySettings(defaults.horizon(), shingle, banding[0], banding[1],
                            threshold, defaults.minShingles(), true, defaults.orderWait());
                    System.out.printf(Locale.ROOT, "shingle %d bands %d x %d threshold %.1f: %s%n", shingle,
                            banding[0], banding[1], threshold, PairScore.of(tune, settings));
                }
            }
        }
    }
}
