package io.bellwether.enrich.fit;

import io.bellwether.enrich.analysis.StanceReading;
import java.util.Optional;

/** A labelled article with what a stance layer reads of it; no reading when it is not about the narrative. */
public record StanceExample(LabelledArticle article, Optional<StanceReading> reading) {

    public String gold() {
        return article.label();
    }

    public String group() {
        return article.group();
    }
}
