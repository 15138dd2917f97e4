package io.bellwether.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void tagsEveryMeterWithTheServiceAndBindsTheJvm() {
        try (ServiceMetrics metrics = new ServiceMetrics("enrich")) {
            metrics.registry().counter("articles.out").increment();

            assertThat(metrics.scrape())
                    .contains("articles_out_total{service=\"enrich\"} 1.0")
                    .contains("jvm_gc_")
                    .contains("jvm_classes_loaded_classes{service=\"enrich\"}")
                    .contains("system_cpu_count{service=\"enrich\"}");
        }
    }

    @Test
    void exposesProducerClientMetricsOnceBound() {
        Map<String, Object> props = Map.of("bootstrap.servers", "127.0.0.1:9", "client.id", "metrics-test");
        try (ServiceMetrics metrics = new ServiceMetrics("ingest");
             KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThat(metrics.scrape()).doesNotContain("kafka_producer_");

            metrics.bindProducer(producer);

            assertThat(metrics.scrape()).contains("kafka_producer_").contains("client_id=\"metrics-test\"");
        }
    }
}
