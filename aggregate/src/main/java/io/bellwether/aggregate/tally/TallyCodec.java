package io.bellwether.aggregate.tally;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of a {@link NarrativeTally}: a format byte, the window's counts and sums, then each entity in
 * name order, each followed by its story counts, and the window's story counts last ({@link StoryCounts}: a pane's
 * histogram or a window's number). Format 2 held story ids there and format 1 no stories; both still decode.
 * Strings are length-prefixed UTF-8, so no name is too long for it. The
 * window stores read and write a tally on every article and every emitted record, which made the JSON form of
 * earlier versions the aggregation's largest cost (docs/benchmarks.md, Aggregate); this form is written in one exactly
 * sized array, and the block of story counts that an article left alone is copied as it was written before.
 */
final class TallyCodec {
    /** First byte of the binary form; a JSON tally starts with '{', so both can be told apart. */
    static final byte FORMAT = 3;
    private static final byte STORY_IDS = 2;
    private static final byte BEFORE_STORIES = 1;
    private static final byte PANE_STORIES = 0;
    private static final byte WINDOW_STORIES = 1;
    private static final int SUMS = 5 * Long.BYTES;
    private static final int HEADER = 1 + SUMS + 4 * Long.BYTES + 2 + Integer.BYTES;
    private static final int ENTITY_FIXED = 3 * Integer.BYTES + SUMS + Long.BYTES + 1;

    private TallyCodec() {
    }

    static byte[] encode(NarrativeTally tally) {
        List<byte[][]> blocks = new ArrayList<>(tally.entities().size());
        byte[] windowStories = tally.stories().encoded(TallyCodec::stories);
        int size = HEADER + windowStories.length;
        for (Map.Entry<String, EntityTally> entry : tally.entities().entrySet()) {
            EntityTally entity = entry.getValue();
            byte[][] block = {utf8(entry.getKey()), utf8(entity.type()), utf8(entity.camp()),
                entity.stories().encoded(TallyCodec::stories)};
            blocks.add(block);
            size += ENTITY_FIXED + block[0].length + block[1].length + block[2].length + block[3].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        putSums(out, tally.sums());
        out.putLong(tally.open()).putLong(tally.closed()).putLong(tally.neutral()).putLong(tally.late());
        out.put(flag(tally.dirty())).put(flag(tally.finished()));
        out.putInt(tally.entities().size());
        int index = 0;
        for (EntityTally entity : tally.entities().values()) {
            byte[][] block = blocks.get(index++);
            for (int i = 0; i < 3; i++) {
                out.putInt(block[i].length).put(block[i]);
            }
            putSums(out, entity.sums());
            out.putLong(entity.mentions()).put(flag(entity.dirty()));
            out.put(block[3]);
        }
        out.put(windowStories);
        return out.array();
    }

    /**
     * The story counts' block: a kind byte, then for a pane's histogram the number of pairs and each
     * (previous pane, stories), for a window's number that number.
     */
    private static byte[] stories(StoryCounts stories) {
        if (!stories.isHistogram()) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(WINDOW_STORIES).putLong(stories.distinct()).array();
        }
        int[] pairs = {0};
        stories.forEach((previous, count) -> pairs[0]++);
        ByteBuffer out = ByteBuffer.allocate(1 + Integer.BYTES + pairs[0] * 2 * Long.BYTES);
        out.put(PANE_STORIES).putInt(pairs[0]);
        stories.forEach((previous, count) -> out.putLong(previous).putLong(count));
        return out.array();
    }

    /** @throws IOException when the bytes end early or do not hold a tally of this format */
    static NarrativeTally decode(byte[] data) throws IOException {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT && format != STORY_IDS && format != BEFORE_STORIES) {
                throw new IOException("unknown tally format " + format);
            }
            StanceSums sums = sums(in);
            long open = in.getLong();
            long closed = in.getLong();
            long neutral = in.getLong();
            long late = in.getLong();
            boolean dirty = in.get() != 0;
            boolean finished = in.get() != 0;
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / ENTITY_FIXED) {
                throw new IOException("entity count " + count + " in a tally of " + data.length + " bytes");
            }
            TreeMap<String, EntityTally> entities = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(in);
                EntityTally entity = new EntityTally(string(in), string(in), sums(in), in.getLong(), in.get() != 0,
                        StoryCounts.NONE);
                entities.put(name, entity.withStories(stories(in, format)));
            }
            StoryCounts stories = stories(in, format);
            if (in.hasRemaining()) {
                throw new IOException(in.remaining() + " bytes left after the tally");
            }
            return new NarrativeTally(sums, open, closed, neutral, late, dirty, finished, entities, stories);
        } catch (BufferUnderflowException e) {
            throw new IOException("tally of " + data.length + " bytes ends early", e);
        }
    }

    private static StoryCounts stories(ByteBuffer in, byte format) throws IOException {
        if (format == BEFORE_STORIES) {
            return StoryCounts.NONE;
        }
        if (format == STORY_IDS) {
            return storyIds(in);
        }
        byte kind = in.get();
        if (kind == WINDOW_STORIES) {
            long distinct = in.getLong();
            if (distinct < 0) {
                throw new IOException("a window of " + distinct + " stories");
            }
            return StoryCounts.distinctOnly(distinct);
        }
        if (kind != PANE_STORIES) {
            throw new IOException("unknown kind of story counts " + kind);
        }
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / (2 * Long.BYTES)) {
            throw new IOException(count + " story pairs with " + in.remaining() + " bytes left");
        }
        long[] previous = new long[count];
        long[] stories = new long[count];
        for (int i = 0; i < count; i++) {
            previous[i] = in.getLong();
            stories[i] = in.getLong();
            if (stories[i] <= 0) {
                throw new IOException("a story count of " + stories[i]);
            }
        }
        return StoryCounts.firsts(previous, stories);
    }

    /**
     * Format 2 kept each story id with its articles. Read as a pane whose stories no earlier pane held: a story that
     * spanned two panes before an upgrade counts once in each (aggregate/README.md, Stories in the tallies).
     */
    private static StoryCounts storyIds(ByteBuffer in) throws IOException {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / (Integer.BYTES + Long.BYTES)) {
            throw new IOException("story count " + count + " with " + in.remaining() + " bytes left");
        }
        for (int i = 0; i < count; i++) {
            string(in);
            in.getLong();
        }
        return count == 0 ? StoryCounts.NONE
                : StoryCounts.firsts(new long[] {StoryCounts.NONE_BEFORE}, new long[] {count});
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte flag(boolean value) {
        return (byte) (value ? 1 : 0);
    }

    private static void putSums(ByteBuffer out, StanceSums sums) {
        out.putLong(sums.articles()).putLong(sums.stance()).putLong(sums.weighted()).putLong(sums.confidence())
                .putLong(sums.sentiment());
    }

    private static StanceSums sums(ByteBuffer in) {
        return new StanceSums(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    private static String string(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("string of " + length + " bytes with " + in.remaining() + " left");
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
