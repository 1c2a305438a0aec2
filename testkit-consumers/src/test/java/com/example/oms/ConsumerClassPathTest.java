package com.example.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.hotwax.preorder.testkit.ShopifySimulator;
import org.junit.jupiter.api.Test;

/** What the testkit put on this consumer's test class path, and what it did not. */
class ConsumerClassPathTest {
    @Test
    void theJUnitRunningIsTheConsumersOwn() throws ClassNotFoundException {
        String expected = System.getProperty("expected.junit.major");
        assertNotNull(expected, "Surefire passes expected.junit.major");
        String api = Test.class.getPackage().getImplementationVersion();
        String engine = Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getPackage()
                .getImplementationVersion();

        assertEquals(expected, api.substring(0, api.indexOf('.')), "junit-jupiter-api " + api);
        assertEquals(api, engine, "junit-jupiter-engine beside junit-jupiter-api");
    }

    @Test
    void assertJIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.assertj.core.api.Assertions"));
    }

    @Test
    void theSimulatorTurnsOnTcpNoDelayWithoutAJvmFlag() {
        // Surefire passes no sun.net.httpserver.nodelay here; starting a simulator must set it.
        try (ShopifySimulator sim = ShopifySimulator.builder().accessToken("t").start()) {
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"), sim.shopDomain());
        }
    }
}
