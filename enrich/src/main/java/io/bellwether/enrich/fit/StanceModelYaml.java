package io.bellwether.enrich.fit;

import io.bellwether.enrich.narrative.StanceModel;
import io.bellwether.enrich.stance.StanceFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a learned layer as the {@code stanceModel} block of a narrative file, and puts that block into a file's
 * text in place of the narrative's old one (the rest of the text stays byte for byte). Weights have four decimals
 * and a fixed order (bias, the evidence features, then the words sorted), so the same layer always
 * gives the same bytes in every JVM (the layer's maps have no order of their own).
 */
public final class StanceModelYaml {
    private static final String INDENT = "    ";
    private static final int PER_LINE = 6;

    /** The block, indented for a narrative of the top-level {@code narratives:} list. */
    public String block(StanceModel model, String comment) {
        StringBuilder out = new StringBuilder(INDENT).append("stanceModel:   # ").append(comment).append('\n');
        out.append(INDENT).append("  minWords: ").append(model.minWords()).append('\n');
        for (String label : model.labels()) {
            out.append(INDENT).append("  ").append(label).append(": {");
            int at = 0;
            Map<String, Double> weights = model.weights().get(label);
            for (String name : order(weights.keySet())) {
                if (at > 0) {
                    out.append(at % PER_LINE == 0 ? ",\n" + INDENT + "    " : ", ");
                }
                out.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ")
                        .append(String.format(Locale.ROOT, "%.4f", weights.get(name)));
                at++;
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** Bias first, then the evidence features in their fixed order, then every other name (the words) sorted. */
    private static List<String> order(Set<String> names) {
        List<String> ordered = new ArrayList<>();
        if (names.contains("bias")) {
            ordered.add("bias");
        }
        StanceFeatures.NAMES.stream().filter(names::contains).forEach(ordered::add);
        Set<String> placed = new HashSet<>(ordered);
        new TreeSet<>(names).stream().filter(name -> !placed.contains(name)).forEach(ordered::add);
        return ordered;
    }

    /**
     * {@code yaml} with the {@code stanceModel} block of narrative {@code id} replaced by {@code block} (or added at
     * the end of that narrative when it has none).
     *
     * @throws IllegalArgumentException when the text has no narrative {@code id}
     */
    public String replace(String yaml, String id, String block) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int start = lines.indexOf("  - id: " + id);
        if (start < 0) {
            throw new IllegalArgumentException("no narrative '" + id + "' in the narrative file (a line \"  - id: "
                    + id + "\" under narratives:)");
        }
        int end = start + 1;
        while (end < lines.size() && belongsToNarrative(lines.get(end))) {
            end++;
        }
        while (end > start + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int model = -1;
        for (int at = start + 1; at < end; at++) {
            if (lines.get(at).startsWith(INDENT + "stanceModel:")) {
                model = at;
                break;
            }
        }
        int from = model < 0 ? end : model;
        int to = model < 0 ? end : modelEnd(lines, model, end);
        List<String> replaced = new ArrayList<>(lines.subList(0, from));
        replaced.addAll(List.of(block.stripTrailing().split("\n")));
        replaced.addAll(lines.subList(to, lines.size()));
        return String.join("\n", replaced);
    }

    private static boolean belongsToNarrative(String line) {
        return line.isBlank() || line.startsWith(INDENT) || line.startsWith("#") || line.startsWith("   #");
    }

    private static int modelEnd(List<String> lines, int model, int end) {
        int at = model + 1;
        while (at < end && (lines.get(at).startsWith(INDENT + "  ") || lines.get(at).isBlank())) {
            at++;
        }
        while (at > model + 1 && lines.get(at - 1).isBlank()) {
            at--;
        }
        return at;
    }
}
