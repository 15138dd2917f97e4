package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.avro.Article;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private final AvroSerde<Article> serde = new AvroSerde<>(Article.class);

    @Test
    void roundTripsAnArticleThroughSingleObjectEncoding() {
        Article article = SampleRecords.article("a1");

        byte[] bytes = serde.serialize("news.articles", article);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserialize("news.articles", bytes)).isEqualTo(article);
    }

    @Test
    void writesTheFingerprintOfTheCurrentSchemaInTheHeader() {
        byte[] bytes = serde.serialize("news.articles", SampleRecords.article("a1"));

        long written = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        assertThat(Long.toHexString(written)).isEqualTo(serde.fingerprint());
    }

    @Test
    void rejectsBytesThatAreNotSingleObjectEncodingNamingTheTopic() {
        byte[] garbage = "hello, not avro".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("news.articles", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.articles")
                .hasMessageContaining("not Avro single-object encoding");
    }

    @Test
    void rejectsAnUnknownFingerprintNamingIt() {
        byte[] bytes = serde.serialize("news.articles", SampleRecords.article("a1"));
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x1234abcdL);

        assertThatThrownBy(() -> serde.deserialize("news.articles", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.articles")
                .hasMessageContaining("unknown schema fingerprint 1234abcd");
    }

    @Test
    void rejectsATruncatedBodyAsCorrupt() {
        byte[] bytes = serde.serialize("news.articles", SampleRecords.article("a1"));
        byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> serde.deserialize("news.articles", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.articles")
                .hasMessageContaining("corrupt");
    }
}
