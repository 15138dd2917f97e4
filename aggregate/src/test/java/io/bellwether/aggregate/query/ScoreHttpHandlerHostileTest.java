package io.bellwether.aggregate.query;

import static io.bellwether.aggregate.Articles.NARRATIVE;
import static io.bellwether.aggregate.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.aggregate.ScoringDriver;
import io.bellwether.runtime.http.HttpEndpoint;
import io.bellwether.runtime.metrics.ServiceMetrics;
import io.bellwether.runtime.service.HealthChecks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Absurd ranges and limits on the query API, mounted on the real service endpoint: a 400 naming the parameter,
 * or an answer bounded by the windows stored; and a normal query still answers after each.
 */
class ScoreHttpHandlerHostileTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String SCORES = "/api/narratives/" + NARRATIVE + "/scores?window=1h";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(GENEROUS).build();
    private final ServiceMetrics metrics = new ServiceMetrics("test-aggregate");
    private ScoringDriver driver;
    private HttpEndpoint endpoint;

    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText();
        }
    }

    @BeforeEach
    void startApiOverScoredArticles() {
        driver = new ScoringDriver(ScoreHttpHandlerTest.CONFIG);
        driver.pipe(article("a", "2026-10-04T09:10:00Z").signal(0.6, 1.0, "open")
                        .entity("Hugging Face", 4, 0.3, "open").entity("OpenAI", 2, -0.2, "closed"),
                article("b", "2026-10-04T09:40:00Z").signal(-0.2, 0.5, "closed"));
        endpoint = new HttpEndpoint("127.0.0.1", 0, new HealthChecks(), metrics)
                .mount("/api/", ScoreApi.forStores(ScoreHttpHandlerTest.stores(driver),
                        ScoreHttpHandlerTest.index(driver), ScoreHttpHandlerTest.CONFIG));
        endpoint.start((service, reason) -> { });
    }

    @AfterEach
    void stillAnswersANormalQuery() throws Exception {
        try {
            assertThat(get(SCORES).status()).as("a normal query after the hostile one").isEqualTo(200);
        } finally {
            endpoint.close();
            driver.close();
            metrics.close();
        }
    }

    @Test
    void refusesADateWithoutATime() throws Exception {
        Answer answer = get(SCORES + "&from=0001-01-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).startsWith("from must be an ISO-8601 instant");
    }

    @Test
    void refusesInstantsBeforeTheEpoch() throws Exception {
        Answer answer = get(SCORES + "&from=0001-01-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("from must lie between 1970-01-01T00:00:00Z and "
                + "+292278994-08-17T07:12:55.807Z, got '0001-01-01T00:00:00Z'");
    }

    @Test
    void refusesInstantsPastTheLastMillisecond() throws Exception {
        Answer dated = get(SCORES + "&to=%2B999999999-12-31");
        Answer timed = get("/api/entities/OpenAI/scores?to=%2B999999999-12-31T23:59:59Z");

        assertThat(dated.status()).isEqualTo(400);
        assertThat(dated.error()).startsWith("to must be an ISO-8601 instant");
        assertThat(timed.status()).isEqualTo(400);
        assertThat(timed.error()).startsWith("to must lie between 1970-01-01T00:00:00Z and ");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() throws Exception {
        Answer answer = get(SCORES + "&from=2026-10-05T00:00:00Z&to=2026-10-04T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("from (2026-10-05T00:00:00Z) is after to (2026-10-04T00:00:00Z)");
    }

    @Test
    void answersTheWidestRangeWithOnlyTheStoredWindows() throws Exception {
        // 1970 to the year 292 million: billions of hour windows asked for, the three stored ones answered.
        Answer answer = get(SCORES + "&from=1970-01-01T00:00:00Z&to=%2B292278994-08-17T07:12:55.807Z");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("scores")).extracting(score -> score.path("windowStart").asText())
                .containsExactly("2026-10-04T08:30:00Z", "2026-10-04T09:00:00Z", "2026-10-04T09:30:00Z");
    }

    @Test
    void refusesNonNumericAndOverflowingLimits() throws Exception {
        Answer words = get("/api/entities?narrative=" + NARRATIVE + "&top=all");
        Answer overflow = get("/api/entities?narrative=" + NARRATIVE + "&top=99999999999999999999");

        assertThat(words.status()).isEqualTo(400);
        assertThat(words.error()).isEqualTo("top must be a positive integer, got 'all'");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.error()).isEqualTo("top must be a positive integer, got '99999999999999999999'");
    }

    @Test
    void answersTheLargestLimitWithTheEntitiesThereAre() throws Exception {
        Answer answer = get("/api/entities?narrative=" + NARRATIVE + "&window=1h&top=" + Integer.MAX_VALUE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("entities")).hasSizeLessThanOrEqualTo(2);
    }

    private Answer get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(GENEROUS).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }
}
