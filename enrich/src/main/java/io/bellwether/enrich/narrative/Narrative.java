package io.bellwether.enrich.narrative;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One narrative from the narrative file: what its open (+1) and closed (-1) sides mean, the cue phrases of each
 * side and the camp of known entities (keyed by lower-case canonical name).
 */
public record Narrative(String id, String description, String openMeaning, String closedMeaning,
                        List<CuePhrase> cues, Map<String, Side> camps) {

    public Narrative {
        cues = List.copyOf(cues);
        camps = Map.copyOf(camps);
    }

    /** The camp of an entity by canonical name, if the file names it. */
    public Optional<Side> campOf(String canonicalName) {
        return Optional.ofNullable(camps.get(canonicalName.toLowerCase(Locale.ROOT)));
    }
}
