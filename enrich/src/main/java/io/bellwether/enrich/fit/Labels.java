package io.bellwether.enrich.fit;

import io.bellwether.enrich.narrative.StanceModel;

/** The two label vocabularies: the gold labels of labelled files and the labels a stance layer outputs. */
final class Labels {
    private Labels() {
    }

    /** The gold label a stance label stands for. */
    static String gold(String stanceLabel) {
        return switch (stanceLabel) {
            case "open" -> "pro_open";
            case "closed" -> "pro_closed";
            case StanceModel.NONE -> "irrelevant";
            default -> "neutral";
        };
    }

    /** The stance label a layer learns from a gold label; gold irrelevant with cue phrases becomes none. */
    static String stance(String gold) {
        return switch (gold) {
            case "pro_open" -> "open";
            case "pro_closed" -> "closed";
            case "irrelevant" -> StanceModel.NONE;
            default -> "neutral";
        };
    }
}
