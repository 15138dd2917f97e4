package io.bellwether.enrich.corenlp;

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
import edu.stanford.nlp.util.RuntimeInterruptedException;
import io.bellwether.enrich.analysis.AnalyzerSettings;
import io.bellwether.enrich.analysis.ArticleAnalyzer;
import io.bellwether.enrich.analysis.SentenceCache;
import io.bellwether.enrich.narrative.NarrativeFile;
import io.bellwether.enrich.text.AnalysisInterrupted;
import io.bellwether.enrich.text.Sentence;
import io.bellwether.enrich.text.Sentiment;
import io.bellwether.enrich.text.TextPipeline;
import io.bellwether.enrich.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@link TextPipeline} on Stanford CoreNLP, and the only class of the service that touches it. The cheap pass
 * is tokenize, ssplit, pos, lemma, ner; a sentence's sentiment is the shift-reduce parse (binarized trees) plus the
 * sentiment model, one sentence at a time so the caller's time budget can stop between them. One instance holds
 * one copy of the models and is shared by all stream threads: CoreNLP annotators keep no state between calls (in
 * 4.5.10 the parser takes a fresh {@code ParserQuery} and the sentiment annotator a fresh
 * {@code SentimentCostAndGradient} per sentence over read-only models), and each call works on its own
 * {@link Annotation}. A call on an interrupted thread ends with {@link AnalysisInterrupted} (CoreNLP's annotators
 * check {@link Thread#interrupted()}), or, where an annotator swallows the interrupt, with a degraded result.
 */
public final class CoreNlpPipeline implements TextPipeline {
    private static final String SR_PARSER = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    private static final String SENTIMENT = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";

    private final Properties properties;
    private final StanfordCoreNLP cheap;
    private final ParserAnnotator parser;
    private final SentimentAnnotator sentiment;

    /** Loads the models for {@code settings} (10-30 s and about 1 GB of heap). */
    public CoreNlpPipeline(AnalyzerSettings settings) {
        this.properties = properties(settings);
        this.cheap = new StanfordCoreNLP(properties);
        this.parser = new ParserAnnotator("parse", properties);
        this.sentiment = new SentimentAnnotator("sentiment", properties);
    }

    /** The article analyzer on freshly loaded CoreNLP models, without a sentence cache. */
    public static ArticleAnalyzer analyzer(NarrativeFile file, AnalyzerSettings settings) {
        return analyzer(file, settings, SentenceCache.disabled());
    }

    /** The article analyzer on freshly loaded CoreNLP models, reusing parsed sentences through {@code cache}. */
    public static ArticleAnalyzer analyzer(NarrativeFile file, AnalyzerSettings settings, SentenceCache cache) {
        return ArticleAnalyzer.of(new CoreNlpPipeline(settings), file, settings, cache);
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
    public List<String> versionParts() {
        return List.of("corenlp-4.5.10", new TreeMap<>(properties).toString());
    }

    @Override
    public Annotated annotate(String text) {
        Annotation document = new Annotation(text);
        try {
            cheap.annotate(document);
        } catch (RuntimeInterruptedException e) {
            throw new AnalysisInterrupted("interrupted in the cheap pass (tokenize, ssplit, pos, lemma, ner)");
        }
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        return new Annotated(sentences(coreSentences), sentence -> parsedSentiment(coreSentences.get(sentence.index())));
    }

    @Override
    public List<Token> tokens(String phrase) {
        Annotation annotation = new Annotation(phrase);
        cheap.annotate(annotation);
        return tokens(annotation.get(CoreAnnotations.TokensAnnotation.class));
    }

    private Sentiment parsedSentiment(CoreMap sentence) {
        Annotation single = new Annotation(sentence.get(CoreAnnotations.TextAnnotation.class));
        single.set(CoreAnnotations.TokensAnnotation.class, sentence.get(CoreAnnotations.TokensAnnotation.class));
        single.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        // The parser catches an interrupt itself and gives a flat fallback tree instead; the analyzer's watch
        // tells it that this sentence's result is not to be used.
        try {
            parser.annotate(single);
            sentiment.annotate(single);
        } catch (RuntimeInterruptedException e) {
            throw new AnalysisInterrupted("interrupted in the parse and sentiment pass");
        }
        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
        if (tree == null) {
            return new Sentiment(2, List.of(), false);
        }
        return new Sentiment(RNNCoreAnnotations.getPredictedClass(tree),
                RNNCoreAnnotations.getPredictionsAsStringList(tree), true);
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
}
