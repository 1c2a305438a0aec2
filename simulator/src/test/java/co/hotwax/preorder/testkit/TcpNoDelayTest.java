package co.hotwax.preorder.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.hotwax.preorder.testkit.internal.TcpNoDelay;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The simulator turns on TCP_NODELAY without a JVM flag: this module's Surefire passes no
 * {@code sun.net.httpserver.nodelay}, so the JDK's own switch is on only because the simulator set the property
 * before the JVM's first {@code com.sun.net.httpserver} server was created.
 */
class TcpNoDelayTest {
    @Test
    void theJdkHttpServerDecidedOnNoDelayAfterASimulatorStarted() throws Exception {
        try (ShopifySimulator sim = ShopifySimulator.builder().accessToken("t").start()) {
            // Read where the JDK's dispatcher reads it: sun.net.httpserver.ServerConfig.noDelay(), fixed when that
            // class was initialized. Needs --add-opens jdk.httpserver/sun.net.httpserver (this module's pom).
            Method noDelay = Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod("noDelay");
            noDelay.setAccessible(true);

            assertThat(noDelay.invoke(null)).as("ServerConfig.noDelay() with simulator %s running", sim.shopDomain())
                    .isEqualTo(true);
        }
    }

    @Test
    void aValueTheCallerChoseIsKept() {
        String before = System.getProperty(TcpNoDelay.PROPERTY);
        System.setProperty(TcpNoDelay.PROPERTY, "false");
        try {
            TcpNoDelay.requestBeforeFirstServer();

            assertThat(System.getProperty(TcpNoDelay.PROPERTY)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(TcpNoDelay.PROPERTY);
            } else {
                System.setProperty(TcpNoDelay.PROPERTY, before);
            }
        }
    }
}
