package io.bellwether.cli;

import io.bellwether.runtime.config.ConfigDef;
import io.bellwether.runtime.config.ConfigSources;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration flags every service command shares. Precedence: defaults &lt; {@code --config FILE} &lt;
 * {@code BELLWETHER_*} environment &lt; these flags; {@code --set kafka.X=Y} reaches the Kafka clients.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Java properties file with config keys (see README)")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (config key bootstrap.servers, default localhost:9092)")
    String bootstrapServers;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "port of /health, /metrics and /api (config key http.port; 0 = any free port)")
    String httpPort;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "any config key, e.g. --set enrich.max.chars=50000 or --set kafka.security.protocol=SASL_SSL")
    Map<String, String> extra = new LinkedHashMap<>();

    /** The {@code --bootstrap-servers} flag, null when not given. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Sets the bootstrap servers as if given by flag (the demo's embedded broker). */
    public void useBootstrapServers(String servers) {
        this.bootstrapServers = servers;
    }

    /** Resolves {@code def}'s keys (the runtime's common keys plus a command's own) from every source. */
    public Settings resolve(ConfigDef def) {
        Map<String, String> flags = new LinkedHashMap<>(extra);
        put(flags, RuntimeKeys.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        put(flags, RuntimeKeys.HTTP_PORT.name(), httpPort);
        return def.resolve(ConfigSources.of(configFile, flags));
    }

    Settings resolveCommon() {
        return resolve(RuntimeKeys.definition());
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
