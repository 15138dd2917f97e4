package io.bellwether.aggregate.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PanesTest {
    static final WindowSpec HOUR_BY_FIVE = new WindowSpec(Duration.ofHours(1), Duration.ofMinutes(5),
            Duration.ofDays(2));
    static final long NINE = Instant.parse("2026-10-04T09:00:00Z").toEpochMilli();
    static final String[] NAMES = {"Meta", "OpenAI", "Mistral", "Anthropic", "Hugging Face"};
    static final String[] LABELS = {"open", "closed", "neutral"};

    record Timed(long timestamp, ArticleSignal signal) {
    }

    static List<Timed> articles(long seed, int count) {
        Random random = new Random(seed);
        List<Timed> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<ArticleSignal.EntityMention> entities = new ArrayList<>();
            for (int e = 0; e < random.nextInt(4); e++) {
                entities.add(new ArticleSignal.EntityMention(NAMES[random.nextInt(NAMES.length)],
                        random.nextBoolean() ? "ORGANIZATION" : "PRODUCT", random.nextBoolean() ? "open" : "none",
                        1 + random.nextInt(4), Math.round((random.nextDouble() * 2 - 1) * 1e9)));
            }
            articles.add(new Timed(NINE + random.nextInt(3 * 3600_000), new ArticleSignal(
                    Math.round((random.nextDouble() * 2 - 1) * 1e9), Math.round((random.nextDouble() - 0.5) * 1e9),
                    Math.round(random.nextDouble() * 1e9), LABELS[random.nextInt(3)],
                    Math.round((random.nextDouble() * 2 - 1) * 1e9), entities, "story-" + random.nextInt(20))));
        }
        return articles;
    }

    @Test
    void aWindowSummedFromItsPanesEqualsTheTallyThatTookItsArticlesOneByOne() {
        List<Timed> articles = articles(3, 400);
        Panes panes = new Panes(HOUR_BY_FIVE);
        Map<Long, NarrativeTally> byPane = new TreeMap<>();
        articles.forEach(article -> byPane.merge(HOUR_BY_FIVE.paneOf(article.timestamp()),
                NarrativeTally.empty().add(article.signal()), NarrativeTally::plus));
        byPane.forEach(panes::put);
        List<Long> starts = new ArrayList<>(panes.windowStarts(0, Long.MAX_VALUE));
        assertThat(starts).hasSize(36 + 11);
        for (long start : starts) {
            NarrativeTally oneByOne = NarrativeTally.empty();
            for (Timed article : articles) {
                if (article.timestamp() >= start && article.timestamp() < HOUR_BY_FIVE.endOf(start)) {
                    oneByOne = oneByOne.add(article.signal());
                }
            }
            // Stories are counted by the window family (StoryScoresTest); these panes hold none.
            assertThat(panes.window(start).stories()).isEqualTo(StoryCounts.distinctOnly(0));
            assertThat(withoutStories(panes.window(start).emitted(false))).as("window at %d", start)
                    .isEqualTo(oneByOne.emitted(false));
        }
    }

    @Test
    void windowsSlidPaneByPaneScoreAsTheWindowsSummedFromTheirPanes() {
        Panes panes = new Panes(HOUR_BY_FIVE);
        Map<Long, NarrativeTally> byPane = new TreeMap<>();
        articles(11, 300).forEach(article -> byPane.merge(HOUR_BY_FIVE.paneOf(article.timestamp()),
                NarrativeTally.empty().add(article.signal()), NarrativeTally::plus));
        byPane.forEach(panes::put);
        TreeSet<Long> all = new TreeSet<>(panes.windowStarts(0, Long.MAX_VALUE));
        // Every open window, and a set with gaps wider than a window (the slide starts again after each).
        TreeSet<Long> gapped = new TreeSet<>();
        List<Long> starts = new ArrayList<>(all);
        for (int i = 0; i < starts.size(); i += 1 + i % 17) {
            gapped.add(starts.get(i));
        }
        for (TreeSet<Long> wanted : List.of(all, gapped)) {
            SortedMap<Long, NarrativeTally> slid = panes.narrativeWindows(wanted, 3);
            assertThat(slid.keySet()).containsExactlyElementsOf(wanted);
            slid.forEach((start, window) -> {
                NarrativeTally summed = panes.window(start);
                assertThat(window.sums()).as("sums at %d", start).isEqualTo(summed.sums());
                assertThat(List.of(window.open(), window.closed(), window.neutral(), window.late()))
                        .isEqualTo(List.of(summed.open(), summed.closed(), summed.neutral(), summed.late()));
                assertThat(window.stories().distinct()).isEqualTo(summed.stories().distinct());
                assertThat(window.topEntities(3)).extracting(e -> e.getKey() + ":" + e.getValue().mentions())
                        .containsExactlyElementsOf(summed.topEntities(3).stream()
                                .map(e -> e.getKey() + ":" + e.getValue().mentions()).toList());
            });
        }
    }

    @Test
    void tiedTopEntitiesRankByNameWhateverPanesTheirMentionsCameFrom() {
        Panes panes = new Panes(HOUR_BY_FIVE);
        panes.put(NINE, NarrativeTally.empty().add(signal(new ArticleSignal.EntityMention("Mistral", "ORGANIZATION",
                "open", 2, 0), new ArticleSignal.EntityMention("OpenAI", "ORGANIZATION", "closed", 3, 0))));
        panes.put(NINE + 300_000, NarrativeTally.empty().add(signal(new ArticleSignal.EntityMention("Meta",
                "ORGANIZATION", "open", 3, 0), new ArticleSignal.EntityMention("Mistral", "ORGANIZATION", "none", 1,
                0))));
        NarrativeTally window = panes.window(NINE);
        assertThat(window.topEntities(3)).extracting(e -> e.getKey() + ":" + e.getValue().mentions())
                .containsExactly("Meta:3", "Mistral:3", "OpenAI:3");
        assertThat(window.entities().get("Mistral").camp()).isEqualTo("open");
        assertThat(panes.window(NINE - 3600_000)).isNull();
    }

    @Test
    void listsOnlyTheWindowsThatCoverAPaneTheFilterAccepts() {
        Panes panes = new Panes(HOUR_BY_FIVE);
        panes.put(NINE, NarrativeTally.empty().add(signal()));
        panes.put(NINE + 3600_000, NarrativeTally.empty().add(signal()).emitted(false));
        assertThat(panes.windowStarts(0, Long.MAX_VALUE, NarrativeTally::dirty))
                .hasSize(12).first().isEqualTo(NINE - 55 * 60_000);
        assertThat(panes.windowStarts(NINE, NINE + 3600_000)).hasSize(13);
    }

    static NarrativeTally withoutStories(NarrativeTally window) {
        TreeMap<String, EntityTally> entities = new TreeMap<>();
        window.entities().forEach((name, entity) -> entities.put(name, entity.withStories(StoryCounts.NONE)));
        return new NarrativeTally(window.sums(), window.open(), window.closed(), window.neutral(), window.late(),
                window.dirty(), window.finished(), entities, StoryCounts.NONE);
    }

    static ArticleSignal signal(ArticleSignal.EntityMention... mentions) {
        return new ArticleSignal(0, 0, 1_000_000_000, "open", 0, List.of(mentions), "story");
    }
}
