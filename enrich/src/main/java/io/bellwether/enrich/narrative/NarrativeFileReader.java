package io.bellwether.enrich.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the narrative file's bytes (YAML, so JSON too) into a validated {@link NarrativeFile}. */
final class NarrativeFileReader {
    private static final Set<String> TOP_LEVEL = Set.of("narratives", "lexicon", "gazetteer", "notEntities");
    private static final Set<String> NARRATIVE_FIELDS = Set.of("id", "description", "open", "closed", "camps",
            "stanceModel");
    private static final String MIN_WORDS = "minWords";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    NarrativeFile parse(byte[] bytes, String origin) {
        JsonNode root;
        try {
            root = yaml.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("narrative file " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("narratives").isArray() || root.path("narratives").isEmpty()) {
            throw new IllegalArgumentException("narrative file " + origin + " lists no narratives");
        }
        rejectUnknownFields(root, TOP_LEVEL, "narrative file " + origin);
        List<Narrative> narratives = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.path("narratives")) {
            Narrative narrative = narrative(node);
            if (!ids.add(narrative.id())) {
                throw new IllegalArgumentException("narrative id repeated in " + origin + ": " + narrative.id());
            }
            narratives.add(narrative);
        }
        return new NarrativeFile(narratives, lexicon(root.path("lexicon")), gazetteer(root.path("gazetteer")),
                Set.copyOf(strings(root.path("notEntities"))), origin, sha256(bytes));
    }

    private Narrative narrative(JsonNode node) {
        String id = required(node, "id");
        rejectUnknownFields(node, NARRATIVE_FIELDS, "narrative " + id);
        List<CuePhrase> cues = new ArrayList<>();
        cues.addAll(cues(id, node.path("open").path("cues"), Side.OPEN));
        cues.addAll(cues(id, node.path("closed").path("cues"), Side.CLOSED));
        if (cues.stream().map(CuePhrase::side).distinct().count() < 2) {
            throw new IllegalArgumentException("narrative " + id + " needs cue phrases for both open and closed");
        }
        Map<String, Side> camps = new HashMap<>();
        for (Side side : Side.values()) {
            strings(node.path("camps").path(side.label()))
                    .forEach(name -> camps.put(name.toLowerCase(Locale.ROOT), side));
        }
        return new Narrative(id, node.path("description").asText(""), node.path("open").path("meaning").asText(""),
                node.path("closed").path("meaning").asText(""), cues, camps, stanceModel(node.path("stanceModel")));
    }

    /** A misspelt key ("closd") would otherwise be ignored and its cues silently lost. */
    private static void rejectUnknownFields(JsonNode node, Set<String> known, String where) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + " has unknown field(s) " + unknown + "; known: "
                    + known.stream().sorted().toList());
        }
    }

    private static Optional<StanceModel> stanceModel(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        node.fields().forEachRemaining(label -> {
            if (label.getKey().equals(MIN_WORDS)) {
                return;
            }
            Map<String, Double> row = new LinkedHashMap<>();
            label.getValue().fields().forEachRemaining(weight -> row.put(weight.getKey(), weight.getValue().asDouble()));
            weights.put(label.getKey(), row);
        });
        return Optional.of(new StanceModel(weights, node.path(MIN_WORDS).asInt(0)));
    }

    private static List<CuePhrase> cues(String id, JsonNode list, Side side) {
        List<CuePhrase> cues = new ArrayList<>();
        for (JsonNode cue : list) {
            cues.add(cue.isObject()
                    ? new CuePhrase(id, required(cue, "phrase"), side, cue.path("prior").asDouble(0.0))
                    : new CuePhrase(id, cue.asText(), side, 0.0));
        }
        return cues;
    }

    private static Lexicon lexicon(JsonNode node) {
        return new Lexicon(lowerSet(node.path("positive")), lowerSet(node.path("negative")),
                lowerSet(node.path("aggression")), lowerSet(node.path("negators")), lowerSet(node.path("comparison")));
    }

    private static List<GazetteerEntry> gazetteer(JsonNode list) {
        List<GazetteerEntry> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            entries.add(new GazetteerEntry(required(entry, "name"),
                    entry.path("type").asText("ORGANIZATION").toUpperCase(Locale.ROOT), strings(entry.path("aliases"))));
        }
        return entries;
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("narrative file entry lacks '" + field + "': " + node);
        }
        return value;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static Set<String> lowerSet(JsonNode list) {
        Set<String> values = new HashSet<>();
        list.forEach(item -> values.add(item.asText().toLowerCase(Locale.ROOT)));
        return values;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
