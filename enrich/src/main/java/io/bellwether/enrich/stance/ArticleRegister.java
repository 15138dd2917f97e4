package io.bellwether.enrich.stance;

import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a news report from an opinion piece. A sentence is attributed when it holds a quote mark or a reporting
 * verb (say, argue, claim, according to, tell...); an article is a report when at least 15% of its sentences are
 * attributed and under 5% speak in the first person (I, we, our, my, us). Reports relay both sides' views, so
 * their attributed sentences weigh less and their label needs a stronger stance. Also spots sentences that open
 * with a contrast.
 */
public final class ArticleRegister {
    private static final Set<String> REPORTING = Set.of("say", "said", "says", "argue", "claim", "according",
            "contend", "insist", "tell", "told", "``", "''", "\"", "\u201c", "\u201d");
    private static final Set<String> FIRST_PERSON = Set.of("I", "we", "We", "our", "Our", "my", "My", "us", "me");
    private static final Set<String> CONTRAST = Set.of("But", "However", "Yet", "Still", "Instead", "Nevertheless");
    private static final Set<String> OTHER_VOICES = Set.of("critic", "sceptic", "skeptic", "opponent", "detractor",
            "naysayer", "doomer", "cheerleader", "evangelist", "maximalist");
    private static final double ATTRIBUTED_SHARE = 0.15;
    private static final double FIRST_PERSON_SHARE = 0.05;

    /** True for a sentence that opens with a contrast: where a writer turns from a concession to a claim. */
    public boolean isContrast(Sentence sentence) {
        return !sentence.tokens().isEmpty() && CONTRAST.contains(sentence.tokens().get(0).word());
    }

    /** True for a sentence that gives the view of a camp the writer names from outside (critics, sceptics...). */
    public boolean voicesOthers(Sentence sentence) {
        return sentence.tokens().stream().anyMatch(token -> OTHER_VOICES.contains(lemma(token)));
    }

    private static String lemma(Token token) {
        return (token.lemma() == null ? token.word() : token.lemma()).toLowerCase(Locale.ROOT);
    }

    public boolean isAttributed(Sentence sentence) {
        return sentence.tokens().stream().anyMatch(token -> REPORTING.contains(token.word())
                || (token.lemma() != null && REPORTING.contains(token.lemma())));
    }

    public boolean isReport(List<Sentence> sentences) {
        if (sentences.isEmpty()) {
            return false;
        }
        long attributed = sentences.stream().filter(this::isAttributed).count();
        long firstPerson = sentences.stream().filter(sentence -> sentence.tokens().stream()
                .anyMatch(token -> FIRST_PERSON.contains(token.word()))).count();
        return attributed >= ATTRIBUTED_SHARE * sentences.size()
                && firstPerson < FIRST_PERSON_SHARE * sentences.size();
    }
}
