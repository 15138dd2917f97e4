package io.bellwether.enrich.analysis;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.ParserAnnotator;
import edu.stanford.nlp.pipeline.SentimentAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.bellwether.avro.Article;
import io.bellwether.enrich.narrative.CueIndex;
import io.bellwether.enrich.narrative.Gazetteer;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.AnalyzedText;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.SentimentSource;
import io.bellwether.enrich.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The analyzer on Stanford CoreNLP, and the only class that touches it. Every sentence gets the cheap pass
 * (tokenize, ssplit, pos, lemma, ner); only sentences {@link SentenceSelector} picks get the shift-reduce parse
 * (binarized trees) and the sentiment model, one sentence at a time so the time budget can stop between them.
 * One instance holds one copy of the models and is shared by all stream threads: CoreNLP annotators keep no state
 * between calls (its own {@code AnnotationPipeline.annotate(Iterable, threads)} runs one annotator set over many
 * documents in parallel; in 4.5.10 the parser takes a fresh {@code ParserQuery} and the sentiment annotator a fresh
 * {@code SentimentCostAndGradient} per sentence over read-only models), and each call here works on its own
 * {@link Annotation}.
 */
public final class CoreNlpAnalyzer implements Analyzer {
    private static final String SR_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    private static final String SENTIMENT = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

    private final StanfordCoreNLP cheap;
    private final ParserAnnotator parser;
    private final SentimentAnnotator sentiment;
    private final ArticleEnricher enricher;
    private final AnalyzerSettings settings;
    private final PipelineVersion version;
    private final SentenceCache cache;

    /** An analyzer without a sentence cache. */
    public CoreNlpAnalyzer(NarrativeFile file, AnalyzerSettings settings) {
        this(file, settings, SentenceCache.disabled());
    }

    /**
     * An analyzer that looks each selected sentence up in {@code cache} before parsing it. The cache is not part of
     * the pipeline version: a hit gives what the parse would have given.
     */
    public CoreNlpAnalyzer(NarrativeFile file, AnalyzerSettings settings, SentenceCache cache) {
        this.settings = settings;
        this.cache = cache;
        Properties properties = properties(settings);
        this.cheap = new StanfordCoreNLP(properties);
        this.parser = new ParserAnnotator("parse", properties);
        this.sentiment = new SentimentAnnotator("sentiment", properties);
        this.enricher = new ArticleEnricher(file, new CueIndex(file, this::phraseTokens),
                new Gazetteer(file, this::phraseTokens), settings, System::nanoTime);
        this.version = PipelineVersion.of(List.of("corenlp-4.5.10", new TreeMap<>(properties).toString(),
                settings.describe(), file.fingerprint()));
    }

    private CoreNlpAnalyzer(CoreNlpAnalyzer models, SentenceCache cache) {
        this.settings = models.settings;
        this.cache = cache;
        this.cheap = models.cheap;
        this.parser = models.parser;
        this.sentiment = models.sentiment;
        this.enricher = models.enricher;
        this.version = models.version;
    }

    /** This analyzer's loaded models and settings with another sentence cache: no second copy of the models. */
    public CoreNlpAnalyzer withSentenceCache(SentenceCache other) {
        return new CoreNlpAnalyzer(this, other);
    }

    /** The CoreNLP properties behind these settings: the cheap-pass annotators plus the parse and sentiment keys. */
    public static Properties properties(AnalyzerSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        properties.setProperty("tokenize.language", "en");
        properties.setProperty("ssplit.newlineIsSentenceBreak", "two");
        properties.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz,"
                + "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        // Fine-grained (KBP regexner), numeric and SUTime passes cost time and give nothing the narratives use.
        properties.setProperty("ner.applyFineGrained", "false");
        properties.setProperty("ner.applyNumericClassifiers", "false");
        properties.setProperty("ner.useSUTime", "false");
        properties.setProperty("ner.buildEntityMentions", "false");
        properties.setProperty("parse.binaryTrees", "true");
        properties.setProperty("parse.buildgraphs", "false");
        // The full pass is the benchmark's quality reference: CoreNLP's default PCFG model, no length cap.
        if (!settings.fullPass()) {
            properties.setProperty("parse.model", SR_PARSER);
            properties.setProperty("parse.maxlen", Integer.toString(settings.parseMaxTokens()));
        }
        properties.setProperty("sentiment.model", SENTIMENT);
        return properties;
    }

    @Override
    public String pipelineVersion() {
        return version.value();
    }

    @Override
    public AnalysisResult analyze(Article article) {
        long started = System.nanoTime();
        try {
            Prepared prepared = prepare(article);
            ArticleEnricher.Outcome outcome = enricher.enrich(article, prepared.text(), prepared.sentiment(), started,
                    version.value());
            return new AnalysisResult.Enriched(outcome.article(), outcome.stats(), elapsedMs(started));
        } catch (RuntimeException e) {
            return new AnalysisResult.Failed("analysis-failed", "CoreNLP analysis of article " + article.getId()
                    + " failed: " + e, elapsedMs(started));
        }
    }

    /** The cheap pass over one article and the costly pass on demand; tuning tools replay these offline. */
    record Prepared(AnalyzedText text, SentimentSource sentiment) {
    }

    Prepared prepare(Article article) {
        String body = article.getBody() == null ? "" : article.getBody();
        boolean truncated = body.length() > settings.maxChars();
        String text = article.getTitle() + "\n\n" + (truncated ? cut(body, settings.maxChars()) : body);
        Annotation document = new Annotation(text);
        cheap.annotate(document);
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        return new Prepared(new AnalyzedText(text, truncated, sentences(coreSentences)),
                sentence -> sentimentOf(coreSentences.get(sentence.index())));
    }

    private Sentiment sentimentOf(CoreMap sentence) {
        List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<String> words = new ArrayList<>(labels.size());
        labels.forEach(label -> words.add(label.word()));
        return cache.get(words, () -> parsedSentiment(sentence));
    }

    private Sentiment parsedSentiment(CoreMap sentence) {
        Annotation single = new Annotation(sentence.get(CoreAnnotations.TextAnnotation.class));
        single.set(CoreAnnotations.TokensAnnotation.class, sentence.get(CoreAnnotations.TokensAnnotation.class));
        single.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        parser.annotate(single);
        sentiment.annotate(single);
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        if (tree == null) {
            return new Sentiment(2, List.of(), false);
        }
        return new Sentiment(RNNCoreAnnotations.getPredictedClass(tree),
                RNNCoreAnnotations.getPredictionsAsStringList(tree), true);
    }

    List<Token> phraseTokens(String phrase) {
        Annotation annotation = new Annotation(phrase);
        cheap.annotate(annotation);
        return tokens(annotation.get(CoreAnnotations.TokensAnnotation.class));
    }

    private static List<Sentence> sentences(List<CoreMap> coreSentences) {
        List<Sentence> sentences = new ArrayList<>();
        for (CoreMap sentence : coreSentences) {
            List<Token> tokens = tokens(sentence.get(CoreAnnotations.TokensAnnotation.class));
            sentences.add(new Sentence(sentences.size(),
                    sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), tokens));
        }
        return sentences;
    }

    private static List<Token> tokens(List<CoreLabel> labels) {
        List<Token> tokens = new ArrayList<>(labels.size());
        for (CoreLabel label : labels) {
            tokens.add(new Token(label.word(), label.lemma(), label.tag(), label.ner(), label.beginPosition(),
                    label.endPosition()));
        }
        return tokens;
    }

    /** Cuts at the last blank before {@code limit} so no word is split. */
    static String cut(String body, int limit) {
        int at = body.lastIndexOf(' ', limit);
        return body.substring(0, at > limit / 2 ? at : limit);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }
}
