package co.hotwax.preorder.shopify.internal;

import co.hotwax.preorder.shopify.PlannedChange;
import co.hotwax.preorder.shopify.PlannedChange.Action;
import co.hotwax.preorder.shopify.PublishMode;
import co.hotwax.preorder.shopify.ShopifyPublisherConfig;
import co.hotwax.preorder.shopify.ShopifyUnavailableException;
import co.hotwax.preorder.spi.DesiredState;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read-only half of a publish: the same checks, SKU resolution and level reads ({@link BatchPreparation}),
 * then per item the marks {@link MarksWriter} would write and the target {@link QuantityTarget} would compute, and
 * no mutation at all.
 * Resolutions land in the shared resolver cache, so a publish right after a preview does not search again.
 */
public final class PublishPreview {
    private static final String SHOPIFY_LIMIT = "exceeds Shopify's limit of 1,000,000,000";

    private final ShopifyPublisherConfig config;
    private final VariantResolver resolver;
    private final BatchPreparation preparation;
    private final PreorderMetafield metafield;
    private final OnHandCache onHand;
    private final AccessTokens tokens;

    /**
     * Creates the preview over the publisher's own resolver and reader.
     *
     * @param config the publisher's configuration (mode, locations, tag)
     * @param resolver the publisher's resolver
     * @param reader the publisher's level reader
     * @param onHand the on_hand the publisher remembers, which publish writes from without a read
     * @param tokens scrubs the token out of every detail and message
     */
    public PublishPreview(ShopifyPublisherConfig config, VariantResolver resolver, LevelReader reader, OnHandCache onHand,
                          AccessTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.config = Objects.requireNonNull(config, "config");
        this.onHand = Objects.requireNonNull(onHand, "onHand");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.preparation = new BatchPreparation(config, resolver, reader);
        // Only compares stored values and never stamps a new one, so its clock is never read.
        this.metafield = new PreorderMetafield(new ObjectMapper(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * Plans the states.
     *
     * @param states the desired states, as publish would get them
     * @return one planned change per state, in input order
     * @throws ShopifyUnavailableException when a read fails after retries
     */
    public List<PlannedChange> preview(List<DesiredState> states) {
        Objects.requireNonNull(states, "states");
        List<BatchItem> items = preparation.items(states);
        try {
            preparation.resolve(items);
            for (Map.Entry<String, List<BatchItem>> location : BatchPreparation.openByLocation(items).entrySet()) {
                preparation.readLevels(location.getKey(), location.getValue());
            }
        } catch (CallFailedException e) {
            throw new ShopifyUnavailableException(tokens.scrub("cannot read shop " + config.shopDomain() + ": " + e.getMessage()),
                    e.kind().isTransient(), null);
        } catch (RuntimeException e) {
            // An answer nothing above foresaw: still the documented exception, and without the token.
            throw new ShopifyUnavailableException(tokens.scrub("cannot read shop " + config.shopDomain() + ": unexpected "
                    + e.getClass().getSimpleName()), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("reading shop " + config.shopDomain() + " was interrupted", true, e);
        }
        List<PlannedChange> changes = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            PlannedChange change = plan(item);
            changes.add(new PlannedChange(change.sku(), change.facilityId(), change.action(), change.currentSellable(),
                    change.targetSellable(), tokens.scrub(change.detail())));
        }
        return changes;
    }

    private PlannedChange plan(BatchItem item) {
        DesiredState state = item.state();
        if (!item.open()) {
            return new PlannedChange(state.sku(), state.facilityId(), Action.REJECT, -1, -1, item.outcome().reason());
        }
        LevelQuantities level = item.level();
        long current = level.available();
        List<String> writes = state.listed() ? marksToPut(item) : marksToTakeOff(item);
        boolean marks = !writes.isEmpty();
        long target = current;
        boolean quantity = false;
        // As QuantityWriter: an unlisted item with no level has nothing sellable and gets no level.
        if (level.stocked() || state.listed()) {
            // A listed item is activated first, and a new level starts at 0.
            LevelQuantities base = level.stocked() ? level : new LevelQuantities(true, 0, 0, 0);
            if (writesFromMemory(item)) {
                // As publish: it writes from the remembered on_hand, which Shopify still shows, without the guard.
                base = new LevelQuantities(true, level.onHand(), level.available(), level.committed(), false);
            }
            QuantityTarget t = QuantityTarget.of(config.mode(), state, base);
            if (!t.withinShopifyLimit()) {
                return new PlannedChange(state.sku(), state.facilityId(), Action.REJECT, current, -1,
                        "target " + t.name() + " " + t.target() + " " + SHOPIFY_LIMIT);
            }
            if (t.write()) {
                quantity = true;
                target = base.after(t.name(), t.target()).available();
                writes.add(t.name() + " " + t.changeFrom() + " -> " + t.target());
            } else if (!t.note().isEmpty()) {
                writes.add("quantity not written: " + t.note());
            }
        }
        Action action = marks ? (state.listed() ? Action.LIST : Action.DELIST)
                : quantity ? Action.SET_QUANTITY : Action.NONE;
        return new PlannedChange(state.sku(), state.facilityId(), action, current, target, String.join("; ", writes));
    }

    /** Whether publish would write this item from the on_hand it remembers, and that write would not be stale. */
    private boolean writesFromMemory(BatchItem item) {
        LevelQuantities level = item.level();
        return config.mode() == PublishMode.DEDICATED_LOCATION && level.stocked()
                && onHand.usableFor(item.variant().inventoryItemId(), item.locationId(), item.state())
                .filter(remembered -> remembered.onHand() == level.onHand()).isPresent();
    }

    /** The marks {@link MarksWriter#list} would write, in its order. */
    private List<String> marksToPut(BatchItem item) {
        List<String> marks = new ArrayList<>();
        VariantRecord variant = item.variant();
        if (!variant.tracked()) {
            marks.add("track inventory");
        }
        if (!item.level().stocked()) {
            marks.add("stock at " + item.locationId());
        }
        if (!variant.denyPolicy()) {
            marks.add("policy DENY");
        }
        if (!metafield.matches(variant.metafieldValue(), true, item.state().promiseDate())) {
            marks.add("metafield active, promise date " + promiseDate(item));
        }
        if (!resolver.tagsOf(variant.productId()).contains(config.productTag())) {
            marks.add("tag " + config.productTag());
        }
        return marks;
    }

    /** The marks {@link MarksWriter#delist} would take off once the quantity is down. */
    private List<String> marksToTakeOff(BatchItem item) {
        List<String> marks = new ArrayList<>();
        VariantRecord variant = item.variant();
        if (!metafield.matches(variant.metafieldValue(), false, item.state().promiseDate())) {
            marks.add("metafield inactive");
        }
        if (resolver.tagsOf(variant.productId()).contains(config.productTag())) {
            marks.add("remove tag " + config.productTag() + " unless another variant of the product is listed");
        }
        return marks;
    }

    private static String promiseDate(BatchItem item) {
        return item.state().promiseDate() == null ? "none" : item.state().promiseDate().toString();
    }
}
