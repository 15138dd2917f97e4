package io.bellwether.aggregate.stream;

import io.bellwether.avro.DeadLetter;
import io.bellwether.avro.EntityScore;
import io.bellwether.avro.NarrativeScore;

/** What the window processor sends on: a narrative score, an entity score, or a late article's dead letter. */
public sealed interface Emission {

    record Narrative(NarrativeScore score) implements Emission {
    }

    record Entity(EntityScore score) implements Emission {
    }

    record Late(DeadLetter letter) implements Emission {
    }
}
