package io.bellwether.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
    private final PromQlNames names = new PromQlNames();

    @Test
    void findsTheMetricInsideFunctionsAndAggregations() {
        assertThat(names.in("histogram_quantile(0.95, sum by (le) (rate(bellwether_enrich_latency_seconds_bucket[5m])))"))
                .containsExactly("bellwether_enrich_latency_seconds_bucket");
    }

    @Test
    void ignoresLabelMatchersGroupingKeywordsAndNumbers() {
        String query = "sum by (service, topic) (rate(kafka_producer_topic_record_send_total{topic=~\"news\\\\..+\","
                + " service!=\"x\"}[$__rate_interval] offset 1h)) / on (service) group_left max(up) or vector(0) > 2";

        assertThat(names.in(query)).containsExactly("kafka_producer_topic_record_send_total", "up");
    }

    @Test
    void findsEveryOperandOfABinaryExpression() {
        assertThat(names.in("jvm_memory_used_bytes{area=\"heap\"} / jvm_memory_max_bytes > 0.9 and bool process_cpu_usage"))
                .containsExactly("jvm_memory_max_bytes", "jvm_memory_used_bytes", "process_cpu_usage");
    }
}
