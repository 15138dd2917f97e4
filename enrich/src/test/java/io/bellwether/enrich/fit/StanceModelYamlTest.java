package io.bellwether.enrich.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.narrative.StanceModel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StanceModelYamlTest {
    private final StanceModelYaml yaml = new StanceModelYaml();
    private final StanceModel model = new StanceModel(Map.of(
            "open", weights(0.5, 1.25), "closed", weights(-0.5, -1.0), "neutral", weights(0.0, 0.125)), 30);

    @Test
    void writesTheSameBlockForTheSameLayer() {
        String block = yaml.block(model, "test");
        assertThat(block).isEqualTo(yaml.block(model, "test")).startsWith("    stanceModel:   # test\n      minWords: 30\n")
                .contains("      open: {\"bias\": 0.5000, \"w:say \\\"open\\\"\": 1.2500}\n");
    }

    @Test
    void ordersTheWeightsBiasFirstThenEvidenceFeaturesThenWordsSorted() {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("w:zebra", 1.0);
        row.put("title", 0.5);
        row.put("w:apple", 2.0);
        row.put("bias", 0.1);
        row.put("stance", 0.2);
        StanceModel layer = new StanceModel(Map.of("open", row, "closed", row, "neutral", row));

        assertThat(yaml.block(layer, "x")).contains(
                "open: {\"bias\": 0.1000, \"stance\": 0.2000, \"title\": 0.5000, \"w:apple\": 2.0000, \"w:zebra\": 1.0000}");
    }

    @Test
    void replacesOnlyTheNarrativesOwnLayerAndTheFileStillParses() {
        String shipped = new String(NarrativeFile.defaultBytes(), StandardCharsets.UTF_8);

        String replaced = yaml.replace(shipped, "ai-regulation", yaml.block(model, "test"));

        NarrativeFile file = NarrativeFile.parse(replaced.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(file.narrative("ai-regulation").orElseThrow().stanceModel()).hasValueSatisfying(layer -> {
            assertThat(layer.minWords()).isEqualTo(30);
            assertThat(layer.weights().get("open")).containsEntry("w:say \"open\"", 1.25);
        });
        assertThat(file.narrative("open-vs-closed-ai").orElseThrow().stanceModel())
                .isEqualTo(NarrativeFile.defaults().narrative("open-vs-closed-ai").orElseThrow().stanceModel());
        String again = yaml.replace(replaced, "ai-regulation", yaml.block(model, "test"));
        assertThat(again).isEqualTo(replaced);
        assertThat(lines(replaced)).isEqualTo(lines(shipped) - lines(oldBlock(shipped)) + lines(yaml.block(model, "test")));
    }

    @Test
    void namesTheNarrativeItCannotFind() {
        assertThatThrownBy(() -> yaml.replace("narratives:\n  - id: a\n", "b", yaml.block(model, "x")))
                .hasMessageContaining("no narrative 'b'");
    }

    private static String oldBlock(String text) {
        int start = text.indexOf("  - id: ai-regulation");
        int model = text.indexOf("    stanceModel:", start);
        int next = text.indexOf("\n  - id: ", start + 1);
        if (model < 0 || (next > 0 && model > next)) {
            return "";
        }
        int end = model;
        for (String line : text.substring(model).split("\n", -1)) {
            if (end > model && !line.startsWith("      ")) {
                break;
            }
            end += line.length() + 1;
        }
        return text.substring(model, end);
    }

    private static long lines(String text) {
        return text.isEmpty() ? 0 : text.chars().filter(c -> c == '\n').count();
    }

    private static Map<String, Double> weights(double bias, double word) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("bias", bias);
        row.put("w:say \"open\"", word);
        return row;
    }
}
