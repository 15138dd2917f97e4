package io.bellwether.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.WindowSpec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRequestTest {
    static final List<WindowSpec> WINDOWS = AggregateConfig.defaults().windows();

    @Test
    void decodesPathSegmentsBelowTheMountPath() {
        QueryRequest request = QueryRequest.of(URI.create("/api/entities/Hugging%20Face/scores?narrative=x"), "/api");
        assertThat(request.segments()).containsExactly("entities", "Hugging Face", "scores");
        assertThat(request.param("narrative")).contains("x");
    }

    @Test
    void acceptsShortAndIsoWindowSizes() {
        assertThat(QueryRequest.of(URI.create("/n?window=24h"), "").window(WINDOWS).label()).isEqualTo("PT24H");
        assertThat(QueryRequest.of(URI.create("/n?window=PT1H"), "").window(WINDOWS).label()).isEqualTo("PT1H");
        assertThat(QueryRequest.of(URI.create("/n?window=1d"), "").window(WINDOWS).label()).isEqualTo("PT24H");
        assertThat(QueryRequest.of(URI.create("/n"), "").window(WINDOWS).label()).isEqualTo("PT1H");
    }

    @Test
    void rejectsGarbageWithTheParameterName() {
        assertThatThrownBy(() -> QueryRequest.of(URI.create("/n?window=soon"), "").window(WINDOWS))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> range("/n?to=now")).hasMessageContaining("to must be");
    }

    @Test
    void defaultsTheRangeToTheBoundsOfTheStores() {
        assertThat(range("/n")).isEqualTo(new QueryRequest.TimeRange(ScoreQueries.EARLIEST, ScoreQueries.LATEST));
        assertThat(range("/n?from=2026-10-04T09:00:00Z").from()).isEqualTo(Instant.parse("2026-10-04T09:00:00Z"));
    }

    @Test
    void refusesInstantsTheStoresCannotHold() {
        assertThatThrownBy(() -> range("/n?from=1969-12-31T23:59:59Z"))
                .hasMessageStartingWith("from must lie between 1970-01-01T00:00:00Z and ");
        assertThatThrownBy(() -> range("/n?to=%2B1000000000-12-31T23:59:59Z"))
                .hasMessageStartingWith("to must lie between");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> range("/n?from=2026-10-04T10:00:00Z&to=2026-10-04T09:00:00Z"))
                .isInstanceOf(QueryRequest.BadQuery.class)
                .hasMessage("from (2026-10-04T10:00:00Z) is after to (2026-10-04T09:00:00Z)");
    }

    private static QueryRequest.TimeRange range(String uri) {
        return QueryRequest.of(URI.create(uri), "").range(ScoreQueries.EARLIEST, ScoreQueries.LATEST);
    }
}
