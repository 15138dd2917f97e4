package io.bellwether.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads YAML into typed models and refuses any field the model does not declare. Fabric8 and Strimzi models
 * keep unknown fields in an "additionalProperties" map (a Jackson any-setter) and some ignore unknown
 * properties outright, so FAIL_ON_UNKNOWN_PROPERTIES alone would let a misspelt field through; this mapper
 * also takes the any-setter and the ignore flag off every bean deserializer.
 */
final class StrictYaml {
    private final YAMLFactory yaml = new YAMLFactory();
    private final ObjectMapper mapper = new ObjectMapper(yaml)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("strict").setDeserializerModifier(new NoUnknownFields()));

    /** Every document of a (possibly multi-document) YAML file, as trees; empty documents are left out. */
    List<JsonNode> documents(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             YAMLParser parser = yaml.createParser(reader)) {
            return mapper.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                    .toList();
        }
    }

    JsonNode tree(String text) throws IOException {
        return mapper.readTree(text);
    }

    /** The tree as {@code type}; an undeclared field anywhere in it is an UnrecognizedPropertyException. */
    <T> T typed(JsonNode node, Class<T> type) throws IOException {
        return mapper.treeToValue(node, type);
    }

    private static final class NoUnknownFields extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                     BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            return builder;
        }
    }
}
