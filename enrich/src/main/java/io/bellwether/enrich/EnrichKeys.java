package io.bellwether.enrich;

import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.story.StorySettings;
import io.bellwether.runtime.config.ConfigException;
import io.bellwether.runtime.config.ConfigKey;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The {@code enrich.*} configuration keys, declared once; {@link #config} builds the validated {@link EnrichConfig}. */
public final class EnrichKeys {
    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.of("enrich.application-id", ValueType.text(),
            "bellwether-enrich", "Kafka Streams application.id of the enrichment (replays use a fresh one)");
    public static final ConfigKey<Integer> MAX_CHARS = ConfigKey.of("enrich.max.chars",
            ValueType.integer(100, 10_000_000), AnalyzerSettings.DEFAULT_MAX_CHARS,
            "longer bodies are cut at the last space before this length and flagged truncated");
    public static final ConfigKey<Integer> PARSE_MAXLEN = ConfigKey.of("enrich.parse.maxlen",
            ValueType.integer(5, 400), AnalyzerSettings.DEFAULT_PARSE_MAX_TOKENS,
            "sentences longer than this many tokens get the cheap sentiment fallback instead of a parse");
    public static final ConfigKey<Integer> TIME_BUDGET_MS = ConfigKey.of("enrich.time-budget-ms",
            ValueType.integer(1, (int) EnrichConfig.MAX_TIME_BUDGET_MS), (int) AnalyzerSettings.DEFAULT_TIME_BUDGET_MS,
            "per-article analysis budget, held inside the CoreNLP calls: spent in the parse, the remaining sentences"
                    + " get the cheap fallback; spent in the cheap pass, the article is dead-lettered (analysis-timeout)");
    public static final ConfigKey<Integer> SENTENCE_CACHE = ConfigKey.of("enrich.sentence-cache.size",
            ValueType.integer(0, 10_000_000), EnrichConfig.DEFAULT_SENTENCE_CACHE_SIZE,
            "parsed sentences whose sentiment is kept for word-for-word repeats (syndicated copies); 0 turns it off");
    public static final ConfigKey<Duration> STORY_HORIZON = ConfigKey.of("enrich.story.horizon",
            ValueType.duration(), StorySettings.DEFAULT_HORIZON,
            "event time within which a near-duplicate joins the story of an earlier article and its novelty decays"
                    + " (" + StorySettings.HORIZON_RANGE + ")");
    public static final ConfigKey<Boolean> STORY_ENABLED = ConfigKey.of("enrich.story.enabled", ValueType.bool(),
            true, "look up each article's story (near-duplicates within the horizon); false leaves storyId empty"
                    + " (read as the article's own), similarity and novelty 1, and saves the stage's cost");
    public static final ConfigKey<Duration> STORY_ORDER_WAIT = ConfigKey.of("enrich.story.order-wait",
            ValueType.duration(), StorySettings.DEFAULT_ORDER_WAIT,
            "the longest the band buckets hold a story query for an input partition behind it in event time and"
                    + " not yet drained, so a copy never overtakes its original (PT0S..PT30M; PT0S answers on arrival)");
    public static final ConfigKey<Path> NARRATIVES = ConfigKey.of("enrich.narratives", ValueType.path(), null,
            "narrative file (YAML) replacing the shipped one: narratives, cues, camps, gazetteer");

    private EnrichKeys() {
    }

    public static List<ConfigKey<?>> all() {
        return List.of(APPLICATION_ID, MAX_CHARS, PARSE_MAXLEN, TIME_BUDGET_MS, SENTENCE_CACHE, STORY_HORIZON,
                STORY_ENABLED, STORY_ORDER_WAIT, NARRATIVES);
    }

    /** The validated story settings: the tuned defaults with the configured horizon, on or off. */
    public static StorySettings stories(Settings settings) {
        try {
            StorySettings stories = StorySettings.withHorizon(settings.get(STORY_HORIZON))
                    .withOrderWait(settings.get(STORY_ORDER_WAIT));
            return settings.get(STORY_ENABLED) ? stories : stories.disabled();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid enrich configuration: " + e.getMessage());
        }
    }

    /** The validated enrich config; stream threads come from the runtime's {@code streams.threads}. */
    public static EnrichConfig config(Settings settings) {
        try {
            return new EnrichConfig(settings.get(MAX_CHARS), settings.get(PARSE_MAXLEN), settings.get(TIME_BUDGET_MS),
                    EnrichConfig.narratives(settings.find(NARRATIVES)), settings.get(RuntimeKeys.STREAMS_THREADS), settings.get(SENTENCE_CACHE));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid enrich configuration: " + e.getMessage());
        }
    }
}
