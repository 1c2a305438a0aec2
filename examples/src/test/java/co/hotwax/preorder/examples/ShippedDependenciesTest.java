package co.hotwax.preorder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples depend on every shipped module (spi, core, the Shopify adapter, the testkit), so their class path
 * holds everything an integrator's build would pull in. Libraries the project has decided not to ship must not be
 * on it: Spring (which graphql-dgs-client drags in), graphql-dgs-client itself, Lombok, Guava and jqwik.
 */
class ShippedDependenciesTest {
    private static final Pattern REFUSED = Pattern.compile(
            "^(spring-[a-z-]+|graphql-dgs-client|lombok|guava|jqwik[a-z-]*)-\\d.*\\.jar$");

    @Test
    void noRefusedLibraryIsOnTheClassPath() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> new File(entry).getName())
                .filter(name -> name.endsWith(".jar"))
                .toList();
        assertThat(jars).as("the class path has the shipped modules' dependencies").isNotEmpty()
                .anyMatch(name -> name.startsWith("jackson-databind-"));
        assertThat(jars).noneMatch(name -> REFUSED.matcher(name).matches());
    }

    @Test
    void thePatternRecognisesEachRefusedLibrary() {
        assertThat(List.of("spring-web-7.0.1.jar", "graphql-dgs-client-12.0.1.jar", "lombok-1.18.30.jar",
                "guava-33.0.0-jre.jar", "jqwik-api-1.9.3.jar")).allMatch(name -> REFUSED.matcher(name).matches());
        assertThat(List.of("jackson-databind-2.20.1.jar", "graphql-dgs-codegen-shared-core-8.1.0.jar",
                "slf4j-api-2.0.17.jar")).noneMatch(name -> REFUSED.matcher(name).matches());
    }
}
