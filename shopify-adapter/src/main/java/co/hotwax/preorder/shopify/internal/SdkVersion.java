package co.hotwax.preorder.shopify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's version, from a resource Maven fills in at build time, for the {@code User-Agent} header Shopify asks
 * API clients to send so it can tell them apart.
 */
public final class SdkVersion {
    private static final String RESOURCE = "/co/hotwax/preorder/shopify/preorder-sync.properties";
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the resource is absent */
    public static String version() {
        return VERSION;
    }

    /** @return {@code preorder-sync/<version>} */
    public static String userAgent() {
        return "preorder-sync/" + VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
