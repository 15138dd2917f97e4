package io.bellwether.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker process is killed while the enrich process is in the middle of the sample corpus and comes back on the
 * same port and data directory: the same enrich process carries on by itself, and news.articles.enriched holds
 * every article exactly once.
 */
class BrokerOutageTest {
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(5);
    /** How long the broker stays down, on top of its own restart time. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);

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
            CliJvm enrich = pipeline.startEnrich("enrich", httpPort);

            int enrichedAtKill = watch.awaitCommitted(live.enriched(), 1, enrich, STAGE_TIMEOUT);
            pipeline.broker().kill();
            Thread.sleep(OUTAGE.toMillis());
            pipeline.startBroker();
            watch.awaitDrained(false, STAGE_TIMEOUT);

            assertThat(enrichedAtKill).as("broker killed mid-stream").isLessThan(articles);
            assertThat(enrich.alive()).as(enrich.output()).isTrue();
            assertThat(health(httpPort)).contains("\"status\":\"UP\"");
            Delivery delivery = watch.awaitDelivery(committed.keys(live.articles()), live.enriched());
            // A replaced thread has a new transactional id: its predecessor's open transaction ends only when the
            // coordinator times it out, and until then it pins the partition's last stable offset.
            System.out.printf("BrokerOutageTest: %d articles, broker killed at %d enriched; enrich replaced %d "
                    + "stream thread(s)%n", articles, enrichedAtKill,
                    enrich.output().split("Replacing thread", -1).length - 1);
            assertThat(delivery.duplicates()).isEmpty();
            assertThat(delivery.missing())
                    .as(() -> watch.explain(delivery, live.enriched(), live.deadLetter())).isEmpty();
        }
    }

    private static String health(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
