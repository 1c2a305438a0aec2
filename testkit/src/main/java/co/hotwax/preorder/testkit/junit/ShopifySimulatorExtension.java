package co.hotwax.preorder.testkit.junit;

import co.hotwax.preorder.testkit.ShopifySimulator;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link ShopifySimulator} for JUnit Jupiter tests (JUnit 5 or 6) and closes it afterwards. Registered on
 * a {@code static} field, one simulator serves the whole class; on an instance field, each test gets a fresh one.
 * Test methods and constructors may also declare a {@link ShopifySimulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ShopifySimulatorExtension shopify = ShopifySimulatorExtension.using(
 *         () -> ShopifySimulator.builder().accessToken("shpat_test").plan(ShopifyPlan.PLUS));
 *
 * @Test
 * void publishes() {
 *     URI endpoint = shopify.simulator().graphqlEndpoint("2026-04");
 * }
 * }</pre>
 * @since 0.1.0
 */
public final class ShopifySimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final Supplier<ShopifySimulator.Builder> configuration;
    private ShopifySimulator simulator;
    private boolean perClass;

    private ShopifySimulatorExtension(Supplier<ShopifySimulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * An extension that starts a simulator from a fresh builder each time, so stateful settings (a scripted
     * fault plan, a ledger) never leak from one test to the next.
     *
     * @param configuration builds the simulator for each test
     * @return the extension
     */
    public static ShopifySimulatorExtension using(Supplier<ShopifySimulator.Builder> configuration) {
        return new ShopifySimulatorExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * An extension with default settings and the given access token.
     *
     * @param accessToken the token requests must send in {@code X-Shopify-Access-Token}
     * @return an extension with default settings and the given access token
     */
    public static ShopifySimulatorExtension withToken(String accessToken) {
        return using(() -> ShopifySimulator.builder().accessToken(accessToken));
    }

    /**
     * The running simulator.
     *
     * @return the running simulator
     * @throws IllegalStateException outside a test (before the extension started one)
     */
    public ShopifySimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while a test runs; register the extension "
                    + "with @RegisterExtension");
        }
        return simulator;
    }

    /** Starts the class-wide simulator (static registration). */
    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = configuration.get().start();
    }

    /** Closes the class-wide simulator. */
    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts a per-test simulator (instance registration). */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            simulator = configuration.get().start();
        }
    }

    /** Closes the per-test simulator. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    /** Resolves {@link ShopifySimulator} parameters. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ShopifySimulator.class;
    }

    /** The running simulator. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }
}
