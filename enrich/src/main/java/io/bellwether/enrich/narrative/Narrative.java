package io.bellwether.enrich.narrative;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One narrative from the narrative file: what its open (+1) and closed (-1) sides mean, the cue phrases of each
 * side, the camp of known entities (keyed by lower-case canonical name) and an optional learned stance layer.
 */
public record Narrative(String id, String description, String openMeaning, String closedMeaning,
                        List<CuePhrase> cues, Map<String, Side> camps, Optional<StanceModel> stanceModel) {

    public Narrative {
        cues = List.copyOf(cues);
        camps = Map.copyOf(camps);
    }

    /** A narrative without a learned stance layer: its labels come from the stance thresholds. */
    public Narrative(String id, String description, String openMeaning, String closedMeaning,
                     List<CuePhrase> cues, Map<String, Side> camps) {
        this(id, description, openMeaning, closedMeaning, cues, camps, Optional.empty());
    }

    /** This narrative without its learned layer: the threshold rule labels, and the layer's inputs can be read. */
    public Narrative withoutStanceModel() {
        return new Narrative(id, description, openMeaning, closedMeaning, cues, camps);
    }

    /** This narrative with {@code model} as its learned layer. */
    public Narrative withStanceModel(StanceModel model) {
        return new Narrative(id, description, openMeaning, closedMeaning, cues, camps, Optional.of(model));
    }

    /** The camp of an entity by canonical name, if the file names it. */
    public Optional<Side> campOf(String canonicalName) {
        return Optional.ofNullable(camps.get(canonicalName.toLowerCase(Locale.ROOT)));
    }
}
