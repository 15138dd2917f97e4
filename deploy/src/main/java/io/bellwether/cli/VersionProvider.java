package io.bellwether.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Bellwether.class.getPackage().getImplementationVersion();
        return new String[] {"bellwether " + (version == null ? "development" : version)};
    }
}
