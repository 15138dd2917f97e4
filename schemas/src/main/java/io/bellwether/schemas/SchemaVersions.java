package io.bellwether.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of one record schema, read from {@code avro/history/NAME/vN.avsc} in the schemas jar.
 * Serdes register them so data written by an older release still decodes; the compatibility test checks them.
 */
public final class SchemaVersions {
    private static final String HISTORY = "avro/history/";

    private SchemaVersions() {
    }

    /** Every released version of the record named {@code simpleName}, oldest first. */
    public static List<Schema> released(String simpleName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SchemaVersions.class.getClassLoader();
        for (int version = 1; ; version++) {
            String path = HISTORY + simpleName + "/v" + version + ".avsc";
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + path, e);
            }
        }
    }
}
