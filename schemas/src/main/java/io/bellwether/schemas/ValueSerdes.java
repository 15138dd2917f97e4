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

    /** Confluent wire format, schemas registered in and looked up from the registry at {@code url}. */
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

    /** Confluent wire format through an Apicurio Registry at {@code url} ({@link RegistryAvroSerde}). */
    record Registry(URI url) implements ValueSerdes {
        @Override
        public <T extends SpecificRecord> Serde<T> forType(Class<T> type) {
            return new RegistryAvroSerde<>(type, url);
        }
    }
}
