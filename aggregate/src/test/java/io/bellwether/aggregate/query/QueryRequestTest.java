package io.bellwether.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.aggregate.AggregateConfig;
import io.bellwether.aggregate.WindowSpec;
import java.net.URI;
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
        assertThatThrownBy(() -> QueryRequest.of(URI.create("/n?to=now"), "").instant("to", null))
                .hasMessageContaining("to must be");
    }
}
