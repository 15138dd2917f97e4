package io.bellwether.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker process is killed while the enrich process is in the middle of the sample corpus and comes back on the
 * same port and data directory: the same enrich process carries on by itself, and news.articles.enriched holds
 * every article exactly once.
 *
 * <p>The kill is timed around a Kafka 4.3.1 bug (KAFKA-20734, deploy/README.md, Known broker issues): a transaction
 * whose commit the coordinator had decided but whose markers were not all written when the broker died stays open
 * for good after the restart. So enrich is frozen (SIGSTOP) for the kill, once the coordinator has finished every
 * decided transaction, and thawed right after it: its open transaction dies with the broker mid-stream and enrich
 * retries through the whole outage. The coordinator's own abort of a transaction that timed out would meet the
 * same bug while the restarted broker is not yet serving, so enrich's transactions here time out after 60 s
 * instead of 10 s; they end by enrich's commit or abort once the broker serves again.
 */
class BrokerOutageTest {
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(5);
    /** How long the broker stays down, on top of its own restart time. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Long enough for the live broker to answer whatever the frozen process had already sent. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final List<String> LONG_TRANSACTIONS = List.of("--set",
            "kafka.producer.transaction.timeout.ms=60000");

    /** Kept when the test fails: the broker's and each service's log are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void enrichResumesByItselfAfterTheBrokerIsKilledAndRestartedWithEveryArticleOnce() throws Exception {
        Topics live = new Topics();
        try (LocalPipeline pipeline = LocalPipeline.start(dir)) {
            int articles = pipeline.ingest(ServiceCrashTest.INPUT);
            PipelineWatch watch = pipeline.watch();
            CommittedRecords committed = pipeline.committed();
            int httpPort = LocalPipeline.freePort();
            CliJvm enrich = pipeline.startEnrich("enrich", httpPort, LONG_TRANSACTIONS);

            int enrichedAtKill = watch.awaitCommitted(live.enriched(), 1, enrich, STAGE_TIMEOUT);
            enrich.pause();
            Thread.sleep(SETTLE.toMillis());
            int deciding = watch.awaitNoMarkersInFlight(STAGE_TIMEOUT);
            pipeline.broker().kill();
            enrich.resume();
            Thread.sleep(OUTAGE.toMillis());
            pipeline.startBroker();
            watch.awaitDrained(false, STAGE_TIMEOUT);

            assertThat(enrichedAtKill).as("broker killed mid-stream").isLessThan(articles);
            assertThat(enrich.alive()).as(enrich.output()).isTrue();
            assertThat(health(httpPort)).contains("\"status\":\"UP\"");
            Delivery delivery = watch.awaitDelivery(committed.keys(live.articles()), live.enriched());
            // A replaced thread has a new transactional id: its predecessor's open transaction ends only when the
            // coordinator times it out (60 s here), and until then it pins the partition's last stable offset.
            System.out.printf("BrokerOutageTest: %d articles, broker killed at %d enriched (%d transaction(s) "
                    + "still sending markers when enrich froze); enrich replaced %d stream thread(s)%n", articles,
                    enrichedAtKill, deciding, enrich.output().split("Replacing thread", -1).length - 1);
            assertThat(delivery.duplicates()).isEmpty();
            assertThat(delivery.missing())
                    .as(() -> watch.explain(delivery, live.enriched(), live.deadLetter()) + "\n"
                            + droppedMarkers(pipeline.broker())).isEmpty();
        }
    }

    /** Whether the restarted broker's coordinator dropped markers as KAFKA-20734 does (its INFO line). */
    private static String droppedMarkers(CliJvm broker) {
        return broker.output().contains("likely deleted already and hence can be skipped")
                ? "the restarted broker's coordinator dropped the markers of partitions it found without a leader "
                        + "(KAFKA-20734; see its log)"
                : "the restarted broker's coordinator dropped no markers";
    }

    private static String health(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
