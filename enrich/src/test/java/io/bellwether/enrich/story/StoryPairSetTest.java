package io.bellwether.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Same story" on the labelled pair set under the default settings, which were chosen on its {@code tune} half
 * ({@link StoryPairTuneMain}); the goal is checked on the {@code test} half. The figures are printed.
 */
class StoryPairSetTest {

    @Test
    void defaultsReachThePrecisionAndRecallGoalOnTheTestHalf() {
        List<StoryPairs.Pair> pairs = StoryPairs.load();
        Map<String, List<StoryPairs.Pair>> bySplit = pairs.stream()
                .collect(Collectors.groupingBy(StoryPairs.Pair::split, TreeMap::new, Collectors.toList()));
        bySplit.forEach((split, part) -> System.out.printf("story pairs, %s half (%d pairs): %s%n", split,
                part.size(), PairScore.of(part, StorySettings.defaults())));
        pairs.stream().collect(Collectors.groupingBy(StoryPairs.Pair::kind, TreeMap::new, Collectors.toList()))
                .forEach((kind, part) -> System.out.printf("story pairs, %s (%d pairs, both halves): %s%n", kind,
                        part.size(), PairScore.of(part, StorySettings.defaults())));

        assertThat(bySplit.keySet()).containsExactly("test", "tune");
        PairScore test = PairScore.of(bySplit.get("test"), StorySettings.defaults());
        assertThat(test.precision()).as("precision on the test half: %s", test).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall()).as("recall on the test half: %s", test).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyKindOfPairIsInBothHalves() {
        Map<String, Long> kinds = StoryPairs.load().stream()
                .collect(Collectors.groupingBy(pair -> pair.kind() + "/" + pair.split(), Collectors.counting()));
        assertThat(kinds).containsOnlyKeys("copy/tune", "copy/test", "rewrite/tune", "rewrite/test",
                "independent/tune", "independent/test", "topic/tune", "topic/test");
    }
}
