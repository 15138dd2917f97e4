package io.bellwether.enrich.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StanceModelTest {
    private final StanceModel model = new StanceModel(Map.of(
            "open", Map.of("bias", 0.0, "stance", 4.0),
            "closed", Map.of("bias", 0.0, "stance", -4.0),
            "neutral", Map.of("bias", 1.0)));

    @Test
    void favoursTheLabelWhoseWeightsMatchTheFeatures() {
        Map<String, Double> open = model.probabilities(Map.of("stance", 0.8));
        Map<String, Double> closed = model.probabilities(Map.of("stance", -0.8));

        assertThat(open.get("open")).isGreaterThan(open.get("neutral")).isGreaterThan(open.get("closed"));
        assertThat(closed.get("closed")).isGreaterThan(closed.get("neutral")).isGreaterThan(closed.get("open"));
    }

    @Test
    void fallsBackToTheBiasWhenAFeatureIsMissingOrUnknown() {
        Map<String, Double> p = model.probabilities(Map.of("unknown", 3.0));

        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(p.get("neutral")).isGreaterThan(p.get("open"));
        assertThat(p.get("open")).isCloseTo(p.get("closed"), within(1e-12));
    }

    @Test
    void letsTheArticlesWordsOutweighTheEvidenceWhenTheLayerWeighsThem() {
        StanceModel words = new StanceModel(Map.of(
                "open", Map.of("stance", 2.0),
                "closed", Map.of("stance", -2.0, "w:reckless release", 5.0),
                "neutral", Map.of("bias", 0.5)));

        Map<String, Double> p = words.probabilities(Map.of("stance", 0.5, "w:reckless release", 1.0));

        assertThat(words.readsWords()).isTrue();
        assertThat(model.readsWords()).isFalse();
        assertThat(p.get("closed")).isGreaterThan(p.get("open")).isGreaterThan(p.get("neutral"));
    }

    @Test
    void choosesAmongFourLabelsWhenTheLayerHasWeightsForNone() {
        StanceModel vetoing = new StanceModel(Map.of("open", Map.of(), "closed", Map.of(), "neutral", Map.of(),
                StanceModel.NONE, Map.of("w:golf", 3.0)));

        Map<String, Double> p = vetoing.probabilities(Map.of("w:golf", 1.0));

        assertThat(vetoing.labels()).containsExactly("open", "closed", "neutral", StanceModel.NONE);
        assertThat(model.labels()).containsExactlyElementsOf(StanceModel.LABELS);
        assertThat(p.get(StanceModel.NONE)).isGreaterThan(p.get("open")).isGreaterThan(0.8);
    }

    @Test
    void rejectsAModelWithoutWeightsForEveryLabel() {
        assertThatThrownBy(() -> new StanceModel(Map.of("open", Map.of(), "closed", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isReadFromTheNarrativeFileWhenPresent(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("layer.yaml");
        Files.writeString(path, """
                narratives:
                  - id: tabs-vs-spaces
                    open: {meaning: tabs, cues: [tab indent]}
                    closed: {meaning: spaces, cues: [space indent]}
                    stanceModel:
                      open: {bias: 0.5, stance: 2.0}
                      closed: {bias: -0.5, stance: -2.0}
                      neutral: {bias: 0.0}
                  - id: cats-vs-dogs
                    open: {meaning: cats, cues: [cat]}
                    closed: {meaning: dogs, cues: [dog]}
                """, StandardCharsets.UTF_8);

        NarrativeFile file = NarrativeFile.load(Optional.of(path));

        assertThat(file.narrative("tabs-vs-spaces").orElseThrow().stanceModel()).get()
                .satisfies(layer -> assertThat(layer.weights().get("open")).containsEntry("stance", 2.0));
        assertThat(file.narrative("cats-vs-dogs").orElseThrow().stanceModel()).isEmpty();
    }
}
