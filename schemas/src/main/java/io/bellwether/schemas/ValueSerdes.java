package io.bellwether.schemas;

import java.net.URI;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * How the catalog encodes Avro values: a record class flows in, its Kafka serde flows out. Single-object
 * encoding needs no server and is the default; the registry variant writes the Confluent wire format.
 */
public sealed interface ValueSerdes permits ValueSerdes.SingleObject, ValueSerdes.Registry {

    <T extends SpecificRecord> Serde<T> forType(Class<T> type);

    /** Avro single-object encoding, writer schemas resolved by fingerprint from this jar. */
    static ValueSerdes singleObject() {
        return new SingleObject();
    }

    /**
     * Confluent wire format, schemas registered in and looked up from the Confluent-compatible registry API at
     * {@code url} (e.g. {@code http://registry:8081}, or {@code http://registry:8080/apis/ccompat/v7} for Apicurio).
     */
    static ValueSerdes registry(URI url) {
        return new Registry(url);
    }

    /** Avro single-object encoding ({@link AvroSerde}). */
    record SingleObject() implements ValueSerdes {
        @Override
        public <T extends SpecificRecord> Serde<T> forType(Class<T> type) {
            return new AvroSerde<>(type);
        }
    }

    /**
     * Confluent wire format through the registry at {@link #url} ({@link RegistryAvroSerde}). The serdes it makes
     * share one HTTP client and its cache of ids; equal when the URLs are.
     */
    final class Registry implements ValueSerdes {
        private final URI url;
        private final ConfluentRegistryClient client;

        Registry(URI url) {
            this.url = url;
            this.client = new ConfluentRegistryClient(url);
        }

        public URI url() {
            return url;
        }

        @Override
        public <T extends SpecificRecord> Serde<T> forType(Class<T> type) {
            return new RegistryAvroSerde<>(type, client);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Registry registry && registry.url.equals(url);
        }

        @Override
        public int hashCode() {
            return url.hashCode();
        }

        @Override
        public String toString() {
            return "Registry[url=" + url + "]";
        }
    }
}
