package io.bellwether.enrich.text;


/** The costly sentence sentiment (parse + sentiment model) for one selected sentence. */
@FunctionalInterface
public interface SentimentSource {
    Sentiment sentiment(Sentence sentence);
}
