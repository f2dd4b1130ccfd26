package arena.bench.cli;

import picocli.CommandLine;

/** The project's version for every command's {@code --version}, from the jar manifest when available. Stateless. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"arena " + (version == null ? "development build" : version),
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
