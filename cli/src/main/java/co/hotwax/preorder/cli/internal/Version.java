package co.hotwax.preorder.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version {@code preorder-sync --version} prints: read from {@code version.properties}, which Maven fills in
 * at build time, so the runnable jar and a run from the class path of a checkout print the same.
 */
public final class Version {
    private static final String RESOURCE = "/co/hotwax/preorder/cli/version.properties";

    private Version() {
    }

    /**
     * Reads the version of this build.
     *
     * @return the project version, e.g. {@code 0.1.0}
     * @throws IllegalStateException when the build left the file out or unfiltered
     */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " holds no filtered version: \"" + version + "\"");
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
