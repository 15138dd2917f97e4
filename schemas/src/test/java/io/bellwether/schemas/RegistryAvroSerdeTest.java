package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.avro.Article;
import java.net.URI;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Header checks and failures that need no registry: nothing listens on the discard port. */
class RegistryAvroSerdeTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private final RegistryAvroSerde<Article> serde = new RegistryAvroSerde<>(Article.class, NOWHERE);

    @AfterEach
    void close() {
        serde.close();
    }

    @Test
    void namesSingleObjectEncodingFoundWhereTheWireFormatWasExpected() {
        byte[] singleObject = new AvroSerde<>(Article.class).serialize("news.articles", SampleRecords.article("a-1"));

        assertThatThrownBy(() -> serde.deserialize("news.articles", singleObject))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot decode Article from topic news.articles: found Avro single-object encoding"
                        + " (marker c3 01), not the Confluent wire format; this topic was written without"
                        + " schema.registry.url");
    }

    @Test
    void namesAMagicByteThatIsNotTheConfluentWireFormat() {
        byte[] json = "{\"id\":\"a-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("news.articles", json))
                .isInstanceOf(SerializationException.class)
                .hasMessage("cannot decode Article from topic news.articles: magic byte 0x7b is not the Confluent"
                        + " wire format (0x00); first bytes 7b226964223a22612d31");
    }

    @Test
    void rejectsAHeaderTooShortToHoldASchemaId() {
        assertThatThrownBy(() -> serde.deserialize("news.articles", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes are too short for the Confluent wire format")
                .hasMessageEndingWith("first bytes 000001");
    }

    @Test
    void namesTheRegistryAndTheRequestWhenTheRegistryCannotBeReached() {
        assertThatThrownBy(() -> serde.deserialize("news.articles", new byte[] {0, 0, 0, 0, 42, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot decode Article from topic news.articles: cannot reach schema registry"
                        + " http://127.0.0.1:9 (GET /schemas/ids/42, 3 attempts): java.net.ConnectException");
    }

    @Test
    void namesTheRegistryAndSubjectWhenEncodingCannotRegisterTheSchema() {
        assertThatThrownBy(() -> serde.serialize("news.articles", SampleRecords.article("a-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot encode Article for topic news.articles: cannot reach schema registry"
                        + " http://127.0.0.1:9 (POST /subjects/news.articles-value/versions, 3 attempts): ");
    }

    @Test
    void passesNullThroughBothWays() {
        assertThat(serde.serialize("news.articles", null)).isNull();
        assertThat(serde.deserialize("news.articles", null)).isNull();
    }
}
