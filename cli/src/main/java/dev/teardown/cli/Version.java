package dev.teardown.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when run from the jar. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"teardown " + (version == null ? "(development build)" : version)};
    }
}
