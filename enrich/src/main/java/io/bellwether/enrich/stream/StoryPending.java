package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.StoryCodec;
import io.bellwether.enrich.story.StoryMatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article waiting for its story: the enriched article's bytes once they have arrived (null before), its
 * processing time, a bit per band that has answered, and the earliest match among the answers so far. The
 * article and its band answers come over two repartition topics, so either may arrive first. The join keeps the
 * two apart (the answers under the instance key, the article under {@link #ARTICLE} + that key), so that an
 * answer rewrites a few bytes, not the article; an entry written before that split holds both and still reads.
 */
record StoryPending(byte[] article, long processingMs, long answeredBands, StoryMatch match) {
    static final StoryPending NONE = new StoryPending(null, -1, 0, null);
    /** Key prefix of the article's own entry (instance keys begin with a partition number, never with this). */
    static final String ARTICLE = "article|";

    StoryPending withArticle(byte[] bytes, long ms) {
        return new StoryPending(bytes, ms, answeredBands, match);
    }

    StoryPending withAnswer(long bands, StoryMatch answer) {
        return new StoryPending(article, processingMs, answeredBands | bands,
                answer == null ? match : answer.earlierOf(match));
    }

    /** True when every one of {@code bands} bands has answered. */
    boolean answered(int bands) {
        long all = bands == 64 ? -1L : (1L << bands) - 1;
        return answeredBands == all;
    }

    static Serde<StoryPending> serde() {
        return Serdes.serdeFrom((topic, pending) -> pending == null ? null : StoryCodec.write(out -> {
            out.writeBoolean(pending.article != null);
            if (pending.article != null) {
                out.writeInt(pending.article.length);
                out.write(pending.article);
            }
            out.writeLong(pending.processingMs);
            out.writeLong(pending.answeredBands);
            StoryCodec.writeMatch(out, pending.match);
        }), (topic, bytes) -> bytes == null ? null : StoryCodec.read(bytes, in -> {
            byte[] article = null;
            if (in.readBoolean()) {
                article = new byte[in.readInt()];
                in.readFully(article);
            }
            return new StoryPending(article, in.readLong(), in.readLong(), StoryCodec.readMatch(in));
        }));
    }
}
