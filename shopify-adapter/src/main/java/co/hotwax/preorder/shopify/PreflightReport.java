package co.hotwax.preorder.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@link ShopifyPublisher#preflight} found: the store-level findings and, per SKU asked about, its findings.
 *
 * @param apiVersion the Admin API version the shop served (its {@code X-Shopify-API-Version} header), or empty
 * @param store the store-level findings (scopes, API version, locations)
 * @param skus per SKU, in the order asked, its findings
 * @since 0.1.0
 */
public record PreflightReport(String apiVersion, List<PreflightFinding> store, Map<String, List<PreflightFinding>> skus) {
    /**
     * Copies the parts.
     *
     * @param apiVersion the Admin API version the shop served (its {@code X-Shopify-API-Version} header), or empty
     * @param store the store-level findings (scopes, API version, locations)
     * @param skus per SKU, in the order asked, its findings
     */
    public PreflightReport {
        apiVersion = apiVersion == null ? "" : apiVersion;
        store = List.copyOf(store);
        Map<String, List<PreflightFinding>> copy = new LinkedHashMap<>();
        skus.forEach((sku, findings) -> copy.put(sku, List.copyOf(findings)));
        skus = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return whether any store-level finding refuses listing */
    public boolean storeBlocked() {
        return store.stream().anyMatch(PreflightFinding::blocking);
    }

    /**
     * The first blocking finding of a SKU.
     *
     * @param sku the SKU
     * @return the finding, or empty when the SKU may be listed (or was not asked about)
     */
    public Optional<PreflightFinding> skuBlocker(String sku) {
        return skus.getOrDefault(sku, List.of()).stream().filter(PreflightFinding::blocking).findFirst();
    }

    /** @return every finding, store first, then per SKU */
    public List<PreflightFinding> all() {
        return Stream.concat(store.stream(), skus.values().stream().flatMap(List::stream)).toList();
    }

    /** @return the worst severity of all findings ({@code OK} for an empty report) */
    public PreflightFinding.Severity worst() {
        return all().stream().map(PreflightFinding::severity).max(Enum::compareTo).orElse(PreflightFinding.Severity.OK);
    }

    /** @return the store-level blockers, one line each, for an exception or a channel problem */
    public String storeBlockers() {
        return store.stream().filter(PreflightFinding::blocking).map(PreflightFinding::describe)
                .collect(Collectors.joining("; "));
    }
}
