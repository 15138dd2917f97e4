package io.bellwether.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.SimpleTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleRegisterTest {
    private final SimpleTokens simple = new SimpleTokens();
    private final ArticleRegister register = new ArticleRegister();

    @Test
    void spotsASentenceThatVoicesACampNamedFromOutside() {
        assertThat(register.voicesOthers(simple.sentence(0, "Critics of open release warn of misuse ."))).isTrue();
        assertThat(register.voicesOthers(simple.sentence(1, "The sceptic in me doubts it ."))).isTrue();
        assertThat(register.voicesOthers(simple.sentence(2, "Open release lets anyone check the model ."))).isFalse();
    }

    @Test
    void tellsAReportFromAnOpinionPiece() {
        List<Sentence> report = List.of(
                simple.sentence(0, "The lab released its weights ."),
                simple.sentence(1, "A spokesperson said the release was safe ."));
        List<Sentence> opinion = List.of(
                simple.sentence(0, "The lab released its weights ."),
                simple.sentence(1, "I say the release was safe ."));

        assertThat(register.isReport(report)).isTrue();
        assertThat(register.isReport(opinion)).isFalse();
    }
}
