package com.example.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.hotwax.preorder.testkit.ShopifySimulator;
import co.hotwax.preorder.testkit.junit.ShopifySimulatorExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A consumer registers the extension, gets the running simulator injected and talks to it over HTTP. */
class SimulatorExtensionTest {
    private static final String TOKEN = "shpat_consumer";
    private static final String LOCATIONS = "{\"query\": \"{ locations(first: 5) { nodes { name } } }\"}";

    @RegisterExtension
    final ShopifySimulatorExtension shopify = ShopifySimulatorExtension.withToken(TOKEN);

    @Test
    void theInjectedSimulatorAnswersGraphQl(ShopifySimulator injected) throws Exception {
        assertSame(shopify.simulator(), injected, "the injected simulator is the extension's");
        injected.addLocation("Consumer Warehouse");

        HttpRequest request = HttpRequest.newBuilder(injected.graphqlEndpoint("2026-04"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(LOCATIONS))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\":\"Consumer Warehouse\""), response.body());
    }
}
