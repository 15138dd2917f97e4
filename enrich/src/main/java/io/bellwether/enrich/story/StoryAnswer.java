package io.bellwether.enrich.story;

/** What one band bucket answers an article: the earliest close article it holds, or {@code null} for none. */
public record StoryAnswer(String articleId, int band, StoryMatch match) {
}
