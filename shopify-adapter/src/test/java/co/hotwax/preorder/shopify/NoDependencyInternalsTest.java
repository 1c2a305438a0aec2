package co.hotwax.preorder.shopify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter uses its dependencies' public API only: no compiled class of the adapter refers to another
 * library's {@code internal} package (those change in any release; resilience4j's {@code AtomicRateLimiter} was
 * one). Checked on the class files' constant pools, where every referenced class name appears.
 */
class NoDependencyInternalsTest {
    private static final Pattern INTERNAL = Pattern.compile("[A-Za-z0-9_$/]*/internal/[A-Za-z0-9_$/]+");

    @Test
    void noAdapterClassRefersToAnotherLibrarysInternalPackage() throws IOException, URISyntaxException {
        Path classes = Path.of(ShopifyPublisher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                scanned++;
                Matcher m = INTERNAL.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (foreign(m.group())) {
                        found.add(classes.relativize(file) + " -> " + m.group());
                    }
                }
            }
        }
        assertThat(scanned).isGreaterThan(20);
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesAForeignInternalReference() {
        Matcher foreign = INTERNAL.matcher("(Lio/github/resilience4j/ratelimiter/internal/AtomicRateLimiter;)V");
        assertThat(foreign.find() && foreign(foreign.group())).isTrue();
        Matcher ours = INTERNAL.matcher("\u0001Lco/hotwax/preorder/shopify/internal/BatchItem;");
        assertThat(ours.find() && foreign(ours.group())).isFalse();
    }

    /** Our own internal packages are fine; the constant pool may glue a byte or a descriptor's L before the name. */
    private static boolean foreign(String name) {
        return !name.contains("co/hotwax/");
    }
}
