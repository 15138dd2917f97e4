package io.bellwether.enrich.analysis;

import io.bellwether.enrich.text.Sentence;

/** The costly sentence sentiment (parse + sentiment model) for one selected sentence. */
@FunctionalInterface
public interface SentimentSource {
    Sentiment sentiment(Sentence sentence);
}
