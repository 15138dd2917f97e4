package io.bellwether.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapedNamesTest {
    private final ShapedNames shaped = new ShapedNames();

    @Test
    void namesOfLettersAndDigitsWithACapitalAreProducts() {
        assertThat(shaped.typeOf("GPT-5.2")).contains("PRODUCT");
        assertThat(shaped.typeOf("QwQ-32B")).contains("PRODUCT");
        assertThat(shaped.typeOf("H100")).contains("PRODUCT");
        assertThat(shaped.typeOf("COVID-19")).contains("PRODUCT");
    }

    @Test
    void wordsWithACapitalAfterASmallLetterAreMisc() {
        assertThat(shaped.typeOf("MongoDB")).contains("MISC");
        assertThat(shaped.typeOf("InfiniBand")).contains("MISC");
        assertThat(shaped.typeOf("iPhone")).contains("MISC");
    }

    @Test
    void shortWordsNumbersAmountsAndPlainWordsAreNotNamesByShape() {
        assertThat(shaped.typeOf("Q3")).isEmpty();
        assertThat(shaped.typeOf("5G")).isEmpty();
        assertThat(shaped.typeOf("PhD")).isEmpty();
        assertThat(shaped.typeOf("70B")).isEmpty();
        assertThat(shaped.typeOf("US$5")).isEmpty();
        assertThat(shaped.typeOf("2024")).isEmpty();
        assertThat(shaped.typeOf("mp3")).isEmpty();
        assertThat(shaped.typeOf("Model")).isEmpty();
        assertThat(shaped.typeOf("OPENAI")).isEmpty();
        assertThat(shaped.typeOf("x86-")).isEmpty();
    }
}
