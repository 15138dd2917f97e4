package io.bellwether.enrich.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The narratives, the evaluative lexicon, the gazetteer and the words that are never entities (surface forms such as
 * "API" that the tagger mistakes for names), read from a YAML (or JSON) file users edit without a rebuild; the
 * default ships on the classpath. {@code fingerprint} is a hash of the file's bytes, part of the pipeline version.
 */
public record NarrativeFile(List<Narrative> narratives, Lexicon lexicon, List<GazetteerEntry> gazetteer,
                           Set<String> notEntities, String origin, String fingerprint) {
    public static final String DEFAULT_RESOURCE = "io/bellwether/enrich/narratives.yaml";

    public NarrativeFile {
        narratives = List.copyOf(narratives);
        gazetteer = List.copyOf(gazetteer);
        notEntities = Set.copyOf(notEntities);
    }

    /** The file at {@code path} when given, else the default shipped in the jar. */
    public static NarrativeFile load(Optional<Path> path) {
        return path.map(NarrativeFile::read).orElseGet(NarrativeFile::defaults);
    }

    public static NarrativeFile defaults() {
        return parse(defaultBytes(), "classpath:" + DEFAULT_RESOURCE);
    }

    /** The bytes of the shipped narrative file, e.g. as the starting point of a file with a newly fitted layer. */
    public static byte[] defaultBytes() {
        try (InputStream in = NarrativeFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default narrative file missing from the classpath: " + DEFAULT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a narrative file's bytes; a broken file is an {@link IllegalArgumentException} naming {@code origin}. */
    public static NarrativeFile parse(byte[] bytes, String origin) {
        return new NarrativeFileReader().parse(bytes, origin);
    }

    public static NarrativeFile read(Path path) {
        try {
            return new NarrativeFileReader().parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read narrative file " + path, e);
        }
    }

    public Optional<Narrative> narrative(String id) {
        return narratives.stream().filter(narrative -> narrative.id().equals(id)).findFirst();
    }

    /** Lower-case alias (and lower-case canonical name) to canonical name, from the gazetteer. */
    public Map<String, String> aliasTable() {
        Map<String, String> table = new HashMap<>();
        for (GazetteerEntry entry : gazetteer) {
            table.put(entry.name().toLowerCase(Locale.ROOT), entry.name());
            entry.aliases().forEach(alias -> table.put(alias.toLowerCase(Locale.ROOT), entry.name()));
        }
        return Map.copyOf(table);
    }

    /**
     * The camp of an entity: from the first narrative (in file order) that names it, so the flagship narrative
     * decides; "none" when no narrative names it.
     */
    public String campOf(String canonicalName) {
        return narratives.stream().map(narrative -> narrative.campOf(canonicalName)).flatMap(Optional::stream)
                .findFirst().map(Side::label).orElse("none");
    }

    /** True when some narrative names the entity in a camp: its sentences are worth a sentiment pass. */
    public boolean tracks(String canonicalName) {
        return narratives.stream().anyMatch(narrative -> narrative.campOf(canonicalName).isPresent());
    }

    /** The same file with every learned stance layer taken out (the threshold rule alone), e.g. to measure it. */
    public NarrativeFile withoutStanceModels() {
        List<Narrative> plain = narratives.stream().map(narrative -> new Narrative(narrative.id(),
                narrative.description(), narrative.openMeaning(), narrative.closedMeaning(), narrative.cues(),
                narrative.camps())).toList();
        return new NarrativeFile(plain, lexicon, gazetteer, notEntities, origin + " (rule only)",
                fingerprint + "-rule");
    }
}
