package io.bellwether.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.SimpleTokens;
import io.bellwether.enrich.text.Token;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionFinderTest {
    private static final String FILE = """
            narratives:
              - id: n
                open: {meaning: o, cues: [open model]}
                closed: {meaning: c, cues: [closed model]}
            notEntities: [API]
            gazetteer:
              - {name: Llama, type: PRODUCT}
            """;

    private final SimpleTokens simple = new SimpleTokens();
    private final MentionFinder finder = new MentionFinder(new Gazetteer(narratives(), simple));

    private static NarrativeFile narratives() {
        try {
            Path file = Files.createTempFile("narratives", ".yaml");
            Files.writeString(file, FILE);
            NarrativeFile read = NarrativeFile.read(file);
            Files.delete(file);
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sentence whose proper nouns {@code names} carry the given NER tag, as the statistical tagger would. */
    private Sentence tagged(int index, String text, String tag, Set<String> names) {
        List<Token> tokens = new ArrayList<>();
        simple.tokens(text).forEach(token -> tokens.add(names.contains(token.word())
                ? new Token(token.word(), token.lemma(), "NNP", tag, token.begin(), token.end()) : token));
        return new Sentence(index, 0, text.length(), tokens);
    }

    @Test
    void dropsATaggedNameMadeOnlyOfWordsThatAreNeverEntities() {
        List<EntityMention> found = finder.find(List.of(
                tagged(0, "Halcyon sells access through an API", "ORGANIZATION", Set.of("Halcyon", "API"))));

        assertThat(found).extracting(EntityMention::text).containsExactly("Halcyon");
    }

    @Test
    void typesANamePresentedAsAModelAsProductInEverySentenceEvenWhereTheTaggerMissedIt() {
        List<EntityMention> found = finder.find(List.of(
                tagged(0, "Kestrel impressed the testers", "PERSON", Set.of("Kestrel")),
                tagged(1, "The lab's new model , codenamed Kestrel , stays private", "O", Set.of("Kestrel")),
                tagged(2, "Ines Vollrath led the work", "PERSON", Set.of("Ines", "Vollrath"))));

        assertThat(found).extracting(EntityMention::text, EntityMention::type).containsExactly(
                tuple("Kestrel", "PRODUCT"),
                tuple("Ines Vollrath", "PERSON"));
    }

    @Test
    void keepsTheGazetteerTypeOfAKnownProduct() {
        List<EntityMention> found = finder.find(List.of(
                tagged(0, "Llama runs on a laptop", "PERSON", Set.of("Llama"))));

        assertThat(found).singleElement().satisfies(mention -> {
            assertThat(mention.type()).isEqualTo("PRODUCT");
            assertThat(mention.canonical()).isEqualTo("Llama");
        });
    }

    @Test
    void joinsAKnownProductAndTheVersionTheTokenizerSplitOffIntoOneProduct() {
        String[][] words = {{"Llama", "NNP"}, {"-", "HYPH"}, {"70B", "NNP"}, {"and", "CC"}, {"llama", "NN"},
            {"3.1", "CD"}, {"beat", "VBD"}, {"llamas", "NNS"}, {",", ","}, {"a", "DT"}, {"Llama", "NNP"}, {"-", "HYPH"},
            {"based", "VBN"}, {"tool", "NN"}};
        int[] begins = {0, 5, 6, 10, 14, 19, 23, 28, 34, 36, 38, 43, 44, 50};
        List<Token> tokens = new ArrayList<>();
        for (int at = 0; at < words.length; at++) {
            tokens.add(new Token(words[at][0], words[at][0].toLowerCase(Locale.ROOT), words[at][1], "O",
                    begins[at], begins[at] + words[at][0].length()));
        }

        List<EntityMention> found = finder.find(List.of(new Sentence(0, 0, 54, tokens)));

        assertThat(found).extracting(EntityMention::text, EntityMention::type).containsExactly(
                tuple("Llama-70B", "PRODUCT"), tuple("llama3.1", "PRODUCT"), tuple("Llama", "PRODUCT"));
    }

    @Test
    void dropsNationalityAdjectivesTaggedMiscButKeepsMiscNames() {
        Sentence sentence = tagged(0, "German regulators met the Tour de France organisers", "MISC",
                Set.of("German", "Tour", "de", "France"));
        List<Token> tokens = new ArrayList<>(sentence.tokens());
        tokens.set(0, new Token("German", "german", "JJ", "MISC", tokens.get(0).begin(), tokens.get(0).end()));

        List<EntityMention> found = finder.find(List.of(new Sentence(0, sentence.begin(), sentence.end(), tokens)));

        assertThat(found).extracting(EntityMention::text).containsExactly("Tour de France");
    }

    @Test
    void joinsANameByShapeTheTokenizerSplitAndWritesSpansAsTheTextDoes() {
        // "GPT-3 and Vicuna-13B. The People's Liberation Army used Civil-rights data": pieces glued by their offsets.
        String[][] words = {{"GPT", "NNP", "ORGANIZATION"}, {"-", "HYPH", "O"}, {"3", "CD", "O"}, {"and", "CC", "O"},
            {"Vicuna", "NNP", "O"}, {"-", "HYPH", "O"}, {"13B", "NN", "O"}, {".", ".", "O"},
            {"The", "DT", "O"}, {"People", "NNP", "ORGANIZATION"}, {"'s", "POS", "ORGANIZATION"},
            {"Liberation", "NNP", "ORGANIZATION"}, {"Army", "NNP", "ORGANIZATION"}, {"used", "VBD", "O"},
            {"data", "NNS", "O"}, {"from", "IN", "O"}, {"COVID", "NNP", "O"}, {"-", "HYPH", "O"}, {"era", "NN", "O"}};
        int[] begins = {0, 3, 4, 6, 10, 16, 17, 20, 22, 26, 32, 35, 46, 51, 56, 61, 66, 71, 72};
        List<Token> tokens = new ArrayList<>();
        for (int at = 0; at < words.length; at++) {
            tokens.add(new Token(words[at][0], words[at][0].toLowerCase(Locale.ROOT), words[at][1], words[at][2],
                    begins[at], begins[at] + words[at][0].length()));
        }

        List<EntityMention> found = finder.find(List.of(new Sentence(0, 0, 75, tokens)));

        assertThat(found).extracting(EntityMention::text, EntityMention::type).containsExactly(
                tuple("GPT-3", "PRODUCT"), tuple("Vicuna-13B", "PRODUCT"),
                tuple("People's Liberation Army", "ORGANIZATION"));
    }
}
