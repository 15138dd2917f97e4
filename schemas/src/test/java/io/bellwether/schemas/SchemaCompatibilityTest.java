package io.bellwether.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every released version must stay readable by the current schema, and the current readable by each release. */
class SchemaCompatibilityTest {

    static Stream<Class<?>> contractTypes() {
        return Stream.of(Article.class, EnrichedArticle.class, NarrativeScore.class, EntityScore.class,
                DeadLetter.class);
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void currentSchemaReadsEveryReleasedVersionAndTheyReadIt(Class<?> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> released = SchemaVersions.released(current.getName());

        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
        for (Schema old : released) {
            assertThat(compatibility(current, old)).as("current reads %s", old).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(compatibility(old, current)).as("%s reads current", old).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }
}
