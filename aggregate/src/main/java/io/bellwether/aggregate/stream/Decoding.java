package io.bellwether.aggregate.stream;

import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EnrichedArticle;

/** The outcome of reading one input record: an article, or a dead letter saying why it could not be read. */
public sealed interface Decoding {

    record Decoded(EnrichedArticle article) implements Decoding {
    }

    record Undecodable(DeadLetter letter) implements Decoding {
    }
}
