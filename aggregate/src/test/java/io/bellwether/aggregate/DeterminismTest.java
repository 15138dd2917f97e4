package io.bellwether.aggregate;

import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import io.bellwether.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    static final Instant START = Instant.parse("2026-10-04T06:00:00Z");
    static final String[] ENTITIES = {"Meta", "OpenAI", "Mistral", "Anthropic", "Hugging Face"};
    static final String[] LABELS = {"open", "closed", "neutral"};

    record Arrival(Articles article, long arrivalKey) {
    }

    record Finals(Map<String, NarrativeScore> narratives, Map<String, EntityScore> entities) {
    }

    static List<Arrival> corpus(long seed, Duration maxDelay) {
        Random random = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Instant at = START.plusSeconds(random.nextInt(10 * 3600));
            Articles article = article("a" + i, at.toString())
                    .signal(random.nextDouble() * 2 - 1, random.nextDouble(), LABELS[random.nextInt(3)])
                    .sentiment(random.nextDouble() * 2 - 1);
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                article.entity(ENTITIES[random.nextInt(ENTITIES.length)], 1 + random.nextInt(4),
                        random.nextDouble() * 2 - 1, e % 2 == 0 ? "open" : "closed");
            }
            // Always drawn, so the articles are the same whatever the delay.
            long delay = (long) (random.nextDouble() * maxDelay.toMillis());
            arrivals.add(new Arrival(article, at.toEpochMilli() + delay));
        }
        return arrivals;
    }

    static Finals run(List<Arrival> arrivals) {
        List<Arrival> ordered = new ArrayList<>(arrivals);
        ordered.sort(Comparator.comparingLong(Arrival::arrivalKey));
        try (ScoringDriver driver = new ScoringDriver(AggregateConfig.defaults())) {
            ordered.forEach(arrival -> driver.pipe(arrival.article()));
            driver.pipe(article("flush", START.plus(Duration.ofDays(3)).toString()).signal(0, 1, "neutral"));
            Map<String, EntityScore> entities = new TreeMap<>();
            driver.entityRecords().stream().filter(kv -> kv.value.getFinal$())
                    .forEach(kv -> entities.put(kv.key, kv.value));
            return new Finals(new TreeMap<>(driver.narrativeFinals()), entities);
        }
    }

    static List<String> arrivalOrder(List<Arrival> arrivals) {
        return arrivals.stream().sorted(Comparator.comparingLong(Arrival::arrivalKey))
                .map(arrival -> arrival.article().build().getId()).toList();
    }

    @Test
    void sameInputTwiceGivesIdenticalFinalRecords() {
        Finals first = run(corpus(7, Duration.ZERO));
        Finals second = run(corpus(7, Duration.ZERO));
        assertThat(first.narratives()).hasSizeGreaterThan(100);
        assertThat(second).isEqualTo(first);
    }

    /** Every record of both score topics, early updates included, as key and the bytes written to the topic. */
    static List<String> outputBytes(List<Arrival> arrivals) {
        Topics topics = new Topics();
        List<String> records = new ArrayList<>();
        try (ScoringDriver driver = new ScoringDriver(AggregateConfig.defaults())) {
            arrivals.stream().sorted(Comparator.comparingLong(Arrival::arrivalKey))
                    .forEach(arrival -> driver.pipe(arrival.article()));
            var narratives = topics.narrativeScores();
            var entities = topics.entityScores();
            driver.narrativeRecords().forEach(kv -> records.add(kv.key + " " + Base64.getEncoder().encodeToString(
                    narratives.valueSerde().serializer().serialize(narratives.name(), kv.value))));
            driver.entityRecords().forEach(kv -> records.add(kv.key + " " + Base64.getEncoder().encodeToString(
                    entities.valueSerde().serializer().serialize(entities.name(), kv.value))));
        }
        return records;
    }

    @Test
    void sameInputTwiceGivesTheSameOutputBytesEarlyUpdatesIncluded() {
        List<String> first = outputBytes(corpus(13, Duration.ofMinutes(9)));
        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(outputBytes(corpus(13, Duration.ofMinutes(9)))).isEqualTo(first);
    }

    @Test
    void orderShuffledWithinGraceGivesIdenticalFinalRecords() {
        List<Arrival> delayed = corpus(11, Duration.ofMinutes(9));
        assertThat(arrivalOrder(delayed)).isNotEqualTo(arrivalOrder(corpus(11, Duration.ZERO)));
        Finals inOrder = run(corpus(11, Duration.ZERO));
        Finals shuffled = run(delayed);
        assertThat(shuffled.narratives().values()).allSatisfy(s -> assertThat(s.getLateArticles()).isZero());
        assertThat(shuffled.entities()).hasSameSizeAs(inOrder.entities()).isEqualTo(inOrder.entities());
        assertThat(shuffled.narratives()).isEqualTo(inOrder.narratives());
    }
}
