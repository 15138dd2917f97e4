package io.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoadArticlesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final LoadArticles articles = new LoadArticles(List.of(
            article("a", "One.\n\nTwo.\n\nThree."), article("b", "Alpha.\n\nBeta.")), "run1");

    @Test
    void givesEveryGeneratedArticleANewIdAndTheGivenPublicationTime() {
        List<Article> made = LongStream.range(0, 6).mapToObj(n -> articles.next(n, NOW)).toList();

        assertThat(made).extracting(Article::getId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("load-run1-"));
        assertThat(made).extracting(Article::getPublishedAt).containsOnly(NOW);
    }

    @Test
    void rotatesTheParagraphsEachTimeTheCorpusComesRoundAgain() {
        assertThat(articles.next(0, NOW).getBody()).isEqualTo("One.\n\nTwo.\n\nThree.");
        assertThat(articles.next(2, NOW).getBody()).isEqualTo("Two.\n\nThree.\n\nOne.");
        assertThat(articles.next(4, NOW).getBody()).isEqualTo("Three.\n\nOne.\n\nTwo.");
        assertThat(articles.next(3, NOW).getBody()).isEqualTo("Beta.\n\nAlpha.");
        assertThat(articles.next(2, NOW).getTitle()).isEqualTo("title a (2)");
    }

    @Test
    void readsHeapInUseAndLiveDataFromPrometheusText() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space",service="enrich"} 1.048576E8
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen",service="enrich"} 2.097152E8
                jvm_memory_used_bytes{area="nonheap",id="Metaspace",service="enrich"} 5.0E7
                jvm_gc_live_data_size_bytes{service="enrich"} 1.572864E8
                """;

        HeapReading.Heap heap = new HeapReading(() -> text).read();

        assertThat(heap).isEqualTo(new HeapReading.Heap(300L << 20, 150L << 20));
        assertThat(new HeapReading(() -> {
            throw new IllegalStateException("down");
        }).read()).isEqualTo(HeapReading.Heap.UNKNOWN);
    }

    private static Article article(String id, String body) {
        return Article.newBuilder().setId(id).setSource("test").setTitle("title " + id).setBody(body)
                .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build();
    }
}
