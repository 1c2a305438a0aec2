package co.hotwax.preorder.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A product and its mutable tags and variants. Guarded by the shop lock. */
public final class ProductRecord {
    private final String id;
    private final long number;
    private final String title;
    private final Set<String> tags = new LinkedHashSet<>();
    private final List<VariantRecord> variants = new ArrayList<>();
    private boolean requiresSellingPlan;

    ProductRecord(long number, String title, List<String> tags) {
        this.id = Gid.of("Product", number);
        this.number = number;
        this.title = title;
        this.tags.addAll(tags);
    }

    /** The product GID. */
    public String id() {
        return id;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** A URL handle derived from the title, like Shopify's default. */
    public String handle() {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Shopify's numeric REST id. */
    public String legacyResourceId() {
        return Long.toString(number);
    }

    /** The tags, in the order they were added. */
    public List<String> tags() {
        return List.copyOf(tags);
    }

    Set<String> mutableTags() {
        return tags;
    }

    /** Whether the product can only be bought with a selling plan. */
    public boolean requiresSellingPlan() {
        return requiresSellingPlan;
    }

    void requiresSellingPlan(boolean value) {
        this.requiresSellingPlan = value;
    }

    /** The variants, in creation order. */
    public List<VariantRecord> variants() {
        return List.copyOf(variants);
    }

    void addVariant(VariantRecord v) {
        variants.add(v);
    }
}
