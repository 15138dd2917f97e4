package io.bellwether.enrich.stream;

import io.bellwether.enrich.story.StoryCodec;
import io.bellwether.enrich.story.StoryMatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article waiting for its story: the enriched article's bytes once they have arrived (null before), its
 * processing time, a bit per band that has answered, and the earliest match among the answers so far. The
 * article and its band answers come over two repartition topics, so either may arrive first.
 */
record StoryPending(byte[] article, long processingMs, long answeredBands, StoryMatch match) {
    static final StoryPending NONE = new StoryPending(null, -1, 0, null);

    StoryPending withArticle(byte[] bytes, long ms) {
        return new StoryPending(bytes, ms, answeredBands, match);
    }

    StoryPending withAnswer(int band, StoryMatch answer) {
        return new StoryPending(article, processingMs, answeredBands | 1L << band,
                answer == null ? match : answer.earlierOf(match));
    }

    boolean complete(int bands) {
        long all = bands == 64 ? -1L : (1L << bands) - 1;
        return article != null && answeredBands == all;
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
