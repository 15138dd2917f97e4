package io.bellwether.enrich.narrative;

import java.util.List;
import java.util.Set;

/** A known name (organisation, product or person) with its entity type and the other spellings that mean it. */
public record GazetteerEntry(String name, String type, List<String> aliases) {
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "PRODUCT", "LOCATION", "MISC");

    public GazetteerEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("gazetteer entry without a name");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("gazetteer type of " + name + " must be one of " + TYPES + ": " + type);
        }
        aliases = List.copyOf(aliases);
    }
}
