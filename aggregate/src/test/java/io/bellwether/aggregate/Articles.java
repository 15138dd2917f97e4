package io.bellwether.aggregate;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.avro.Entity;
import io.bellwether.avro.Evidence;
import io.bellwether.avro.NarrativeSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds enriched articles for tests: one narrative signal, a document sentiment and a few entities. */
public final class Articles {
    public static final String NARRATIVE = "open-vs-closed-ai";

    private final String id;
    private final Instant publishedAt;
    private final List<NarrativeSignal> signals = new ArrayList<>();
    private final List<Entity> entities = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private String title;
    private double sentiment;
    private String storyId;
    private double novelty = 1.0;

    private Articles(String id, Instant publishedAt) {
        this.id = id;
        this.publishedAt = publishedAt;
        this.title = "t " + id;
    }

    public static Articles article(String id, String publishedAt) {
        return new Articles(id, Instant.parse(publishedAt));
    }

    public Articles signal(String narrative, double stance, double confidence, String label) {
        signals.add(NarrativeSignal.newBuilder().setId(narrative).setStance(stance).setConfidence(confidence)
                .setLabel(label).setRelevance(0.5).setEvidence(List.of()).build());
        return this;
    }

    public Articles signal(double stance, double confidence, String label) {
        return signal(NARRATIVE, stance, confidence, label);
    }

    public Articles title(String value) {
        this.title = value;
        return this;
    }

    /** Evidence for every signal: {@code cue} found in {@code sentence}, which starts at offset 100 of the text. */
    public Articles evidence(String cue, String side, String sentence) {
        int start = 100 + sentence.indexOf(cue);
        evidence.add(Evidence.newBuilder().setSentence(1).setStart(start).setEnd(start + cue.length()).setCue(cue)
                .setSide(side).setSentiment(0.0).setText(sentence).setTextStart(100).build());
        return this;
    }

    /** A repeat of story {@code id} with {@code value} novelty (without this, the article is its own story). */
    public Articles story(String id, double value) {
        this.storyId = id;
        this.novelty = value;
        return this;
    }

    public Articles sentiment(double value) {
        this.sentiment = value;
        return this;
    }

    public Articles entity(String name, int mentions, double entitySentiment, String camp) {
        entities.add(Entity.newBuilder().setName(name).setType("ORGANIZATION").setMentions(mentions)
                .setFirstSentence(0).setRelevance(50).setSentiment(entitySentiment).setCamp(camp).build());
        return this;
    }

    public EnrichedArticle build() {
        List<NarrativeSignal> withEvidence = signals.stream()
                .map(signal -> NarrativeSignal.newBuilder(signal).setEvidence(new ArrayList<>(evidence)).build())
                .toList();
        return EnrichedArticle.newBuilder().setId(id).setSource("test").setTitle(title)
                .setPublishedAt(publishedAt).setLanguage("en").setWordCount(100).setSentiment(sentiment)
                .setEntities(new ArrayList<>(entities)).setNarratives(new ArrayList<>(withEvidence))
                .setPipelineVersion("test").setStoryId(storyId == null ? id : storyId).setNovelty(novelty).build();
    }
}
