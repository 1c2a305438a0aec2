package co.hotwax.preorder.shopify;

import co.hotwax.preorder.testkit.VirtualClock;

import co.hotwax.preorder.testkit.Location;
import co.hotwax.preorder.testkit.ShopifySimulator;

import java.util.SplittableRandom;

/**
 * The testkit's Shopify simulator on a virtual clock behind an {@link InterceptingProxy}, with one pre-order
 * location, and publishers wired to it over real HTTP.
 */
final class ProxiedShop implements AutoCloseable {
    /** One virtual clock for both sides: the publisher's pacing waits are what refill the simulator's bucket. */
    final VirtualClock time = new VirtualClock();
    final ShopifySimulator shop;
    final InterceptingProxy proxy;
    final Location location;

    /**
     * Starts the simulator and the proxy.
     *
     * @param token the access token the simulator accepts
     * @throws Exception when either cannot start
     */
    ProxiedShop(String token) throws Exception {
        shop = ShopifySimulator.builder().accessToken(token).clock(time).sleeper(time::sleep).start();
        proxy = new InterceptingProxy(shop.graphqlEndpoint("2026-04"));
        location = shop.addLocation("Pre-order warehouse");
    }

    /**
     * A configuration pointing at the proxy with the location as default.
     *
     * @param token the token the publisher sends
     * @return the builder, to add to
     */
    ShopifyPublisherConfig.Builder config(String token) {
        return ShopifyPublisherConfig.builder()
                .shopDomain(shop.shopDomain())
                .endpoint(proxy.base())
                .accessToken(() -> token)
                .defaultLocationId(location.id());
    }

    /**
     * A publisher on the virtual clock.
     *
     * @param config its configuration
     * @param seed its random seed
     * @return the publisher
     */
    ShopifyPublisher publisher(ShopifyPublisherConfig config, long seed) {
        return ShopifyPublisher.builder(config).clock(time).sleeper(time).random(new SplittableRandom(seed)).build();
    }

    @Override
    public void close() {
        proxy.close();
        shop.close();
    }
}
