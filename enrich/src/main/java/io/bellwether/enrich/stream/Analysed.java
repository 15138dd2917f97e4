package io.bellwether.enrich.stream;

import io.bellwether.avro.EnrichedArticle;
import io.bellwether.enrich.story.StorySignature;

/** An enriched article with the MinHash signature of its text, on its way to the story stage. */
record Analysed(EnrichedArticle article, StorySignature signature) {
}
