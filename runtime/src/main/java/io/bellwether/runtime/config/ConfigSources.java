package io.bellwether.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The raw inputs of a config resolution: an optional Java properties file ({@code --config FILE}), the process
 * environment and the command-line flags (key name → raw value; null values mean "flag not given").
 */
public record ConfigSources(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {

    public ConfigSources {
        environment = Map.copyOf(environment);
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /** The usual sources of a command: the given file (may be null), {@link System#getenv()} and the flags. */
    public static ConfigSources of(Path fileOrNull, Map<String, String> flags) {
        return new ConfigSources(Optional.ofNullable(fileOrNull), System.getenv(), flags);
    }

    /** Only defaults and flags: for tests and embedded use. */
    public static ConfigSources flagsOnly(Map<String, String> flags) {
        return new ConfigSources(Optional.empty(), Map.of(), flags);
    }

    Map<String, String> fileValues() {
        if (file.isEmpty()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read config file " + file.get() + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file.get() + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name.trim(), properties.getProperty(name));
        }
        return values;
    }
}
