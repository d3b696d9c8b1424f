package dev.dreamnet.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, or says it is a development build. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"dreamnet " + (version == null ? "development build" : version)};
    }
}
