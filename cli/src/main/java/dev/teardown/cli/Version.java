package dev.teardown.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code teardown --version}: the release, which the command and the library share, and the Java
 * runtime it runs on, as a bug report needs them.
 */
final class Version implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return lines(release(), System.getProperties());
    }

    /** The two lines, such as {@code teardown 0.1.0} and {@code Java 17.0.15 (Debian, OpenJDK 64-Bit Server VM 17.0.15+6)}. */
    static String[] lines(String release, Properties runtime) {
        String java = "Java " + runtime.getProperty("java.version", "(unknown version)")
                + " (" + runtime.getProperty("java.vendor", "unknown vendor")
                + ", " + runtime.getProperty("java.vm.name", "unknown VM")
                + " " + runtime.getProperty("java.vm.version", "") + ")";
        // picocli formats each line (String.format): a % from the runtime's properties must stay a %.
        return new String[] {"teardown " + release, Printable.of(java.replace(" )", ")")).replace("%", "%%")};
    }

    /** The version the build wrote into the command's resources; the same in the jar and in the IDE. */
    static String release() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "(development build)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(development build)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
