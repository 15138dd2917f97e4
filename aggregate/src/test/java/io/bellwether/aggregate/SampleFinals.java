package io.bellwether.aggregate;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.NarrativeSignal;
import io.bellwether.runtime.testing.EnrichedSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The final score records of the enriched sample corpus ({@link EnrichedSample}) under the default settings, as
 * text lines {@code order TAB topic TAB key TAB value} sorted by order, topic and key. {@value #RESOURCE} holds them
 * (gzipped, 18 MB of text) as the implementation before window panes (645ae5f) emitted them; {@link #main} writes
 * the file again, which is only right after a change of the sample itself.
 */
final class SampleFinals {
    static final String RESOURCE = "sample-finals.txt.gz";

    /** The articles in the file's order (62 inversions, so some are late) and sorted by publication time. */
    enum Order { FILE, PUBLISHED }

    /** What one run emitted: the final records as lines, and how many records of each kind. */
    record Run(List<String> lines, int narrativeRecords, int entityRecords, int deadLetters, int articles) {
    }

    private SampleFinals() {
    }

    static Run run(AggregateConfig config, Order order) throws IOException {
        List<EnrichedArticle> articles = new ArrayList<>(EnrichedSample.articles());
        if (order == Order.PUBLISHED) {
            articles.sort(Comparator.comparing(EnrichedArticle::getPublishedAt));
        }
        Instant last = articles.stream().map(EnrichedArticle::getPublishedAt).max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, String> finals = new TreeMap<>();
        try (ScoringDriver driver = new ScoringDriver(config)) {
            articles.forEach(driver::pipe);
            // Stream time far past every window closes them all; the closing article's own windows stay open.
            driver.pipe(Articles.article("closing", last.plus(Duration.ofDays(30)).toString())
                    .signal(0, 1, "neutral"));
            var narratives = driver.narrativeRecords();
            var entities = driver.entityRecords();
            narratives.stream().filter(kv -> kv.value.getFinal$())
                    .forEach(kv -> finals.put("narrative\t" + kv.key, kv.value.toString()));
            entities.stream().filter(kv -> kv.value.getFinal$())
                    .forEach(kv -> finals.put("entity\t" + kv.key, kv.value.toString()));
            List<String> lines = new ArrayList<>();
            finals.forEach((key, value) -> lines.add(order + "\t" + key + "\t" + value));
            return new Run(lines, narratives.size(), entities.size(), driver.deadLetters().size(),
                    articles.size() + 1);
        }
    }

    /** Articles of the sample with at least one narrative signal. */
    static long withSignal() throws IOException {
        return EnrichedSample.articles().stream().filter(article -> article.getNarratives().stream()
                .map(NarrativeSignal::getId).findAny().isPresent()).count();
    }

    static List<String> expected() throws IOException {
        try (InputStream in = new GZIPInputStream(SampleFinals.class.getResourceAsStream(RESOURCE))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Writes {@value #RESOURCE} below {@code args[0]} (the test resources directory of this package). */
    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Order order : Order.values()) {
            Run run = run(AggregateConfig.defaults(), order);
            lines.addAll(run.lines());
            System.out.printf("%s: %d articles, %d narrative records, %d entity records, %d dead letters, %d finals%n",
                    order, run.articles(), run.narrativeRecords(), run.entityRecords(), run.deadLetters(),
                    run.lines().size());
        }
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(Path.of(args[0], RESOURCE))),
                StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line + "\n");
            }
        }
    }
}
