package co.hotwax.preorder.testkit;

import co.hotwax.preorder.spi.DesiredState;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PublishOutcome;
import co.hotwax.preorder.spi.SpiVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@link InventoryPublisher} over an in-memory channel that keeps inventory the way Shopify does, one location
 * per facility (the {@code null} facility is the default pre-order location): a channel order moves units from
 * {@code available} to {@code committed} and leaves {@code on_hand} alone, and {@code available = on_hand -
 * committed}.
 *
 * <p>How it never resells an in-flight order: it publishes {@code on_hand = sellable + openOrders}. Committed holds
 * the open orders the OMS knows of plus the in-flight ones it does not, so available becomes {@code sellable -
 * inFlight}: exactly what may still be sold. Publishing the same state again writes nothing.
 *
 * <p>A SKU must be {@linkplain #addSku added} (the product exists in the channel) before it can be published;
 * otherwise it is rejected. When listing, the marks are written before the quantity; when delisting, the quantity
 * before the marks; {@link #writeLog()} shows the order. {@link #sell} simulates a shopper's order, refused like
 * Shopify under {@code inventoryPolicy: DENY} when the SKU is not listed or available is short. Thread-safe.
 *
 * @since 0.1.0
 */
public class InMemoryPublisher implements InventoryPublisher {
    private final String channelId;
    private final Set<String> skus = new HashSet<>();
    private final Map<String, Level> levels = new HashMap<>();
    private final List<String> writeLog = new ArrayList<>();

    /** One SKU at one location. */
    private static final class Level {
        long onHand;
        long committed;
        boolean listed;
        LocalDate promiseDate;
        boolean flagged;
    }

    /** A channel named {@code "in-memory"}. */
    public InMemoryPublisher() {
        this("in-memory");
    }

    /**
     * A channel.
     *
     * @param channelId the channel id, e.g. a shop domain
     * @throws IllegalArgumentException when the id is blank
     */
    public InMemoryPublisher(String channelId) {
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("in-memory publisher: channelId is missing");
        }
        this.channelId = channelId;
    }

    /**
     * Creates the SKU's product in the channel, unlisted with no stock.
     *
     * @param sku the SKU
     */
    public synchronized void addSku(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("in-memory publisher: sku is missing");
        }
        skus.add(sku);
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public synchronized List<PublishOutcome> publish(List<DesiredState> states) {
        Objects.requireNonNull(states, "states");
        List<PublishOutcome> outcomes = new ArrayList<>(states.size());
        Set<String> seen = new HashSet<>();
        for (DesiredState state : states) {
            if (!skus.contains(state.sku())) {
                outcomes.add(PublishOutcome.rejected(state, "no variant has SKU " + state.sku() + " in channel "
                        + channelId));
            } else if (!seen.add(state.key())) {
                outcomes.add(PublishOutcome.rejected(state, "SKU " + state.key() + " appears twice in one batch"));
            } else {
                outcomes.add(PublishOutcome.applied(state, apply(state)));
            }
        }
        return outcomes;
    }

    private boolean apply(DesiredState state) {
        Level level = levels.computeIfAbsent(state.key(), k -> new Level());
        boolean marksDiffer = level.listed != state.listed()
                || !Objects.equals(level.promiseDate, state.promiseDate()) || level.flagged != state.flagged();
        long onHand = state.sellable() + state.openOrders();
        boolean quantityDiffers = level.onHand != onHand;
        // Listing: marks first, so the quantity never appears on a product the storefront treats as in stock.
        // Delisting: quantity first, so the product is never sellable without its pre-order marks.
        if (state.listed() && marksDiffer) {
            writeMarks(state, level);
        }
        if (quantityDiffers) {
            writeLog.add("on_hand " + state.key() + " " + level.onHand + " -> " + onHand);
            level.onHand = onHand;
        }
        if (!state.listed() && marksDiffer) {
            writeMarks(state, level);
        }
        return marksDiffer || quantityDiffers;
    }

    private void writeMarks(DesiredState state, Level level) {
        writeLog.add("marks " + state.key() + " listed=" + state.listed() + " promise=" + state.promiseDate()
                + " flagged=" + state.flagged());
        level.listed = state.listed();
        level.promiseDate = state.promiseDate();
        level.flagged = state.flagged();
    }

    /**
     * A shopper orders at the default location.
     *
     * @param sku the SKU
     * @param quantity units, at least 1
     * @return whether the channel accepted the order
     */
    public boolean sell(String sku, long quantity) {
        return sell(sku, null, quantity);
    }

    /**
     * A shopper orders at a facility's location. Refused when the SKU is not listed there or available is short.
     *
     * @param sku the SKU
     * @param facilityId the facility, null for the default location
     * @param quantity units, at least 1
     * @return whether the channel accepted the order (and committed its units)
     */
    public synchronized boolean sell(String sku, String facilityId, long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("order of " + sku + ": quantity must be at least 1, was " + quantity);
        }
        Level level = levels.get(key(sku, facilityId));
        if (level == null || !level.listed || level.onHand - level.committed < quantity) {
            return false;
        }
        level.committed += quantity;
        return true;
    }

    /**
     * Shopify's {@code available} at a location: on hand minus committed (negative when oversold).
     *
     * @param sku the SKU
     * @param facilityId the facility, null for the default location
     * @return available units, 0 for a SKU never published there
     */
    public synchronized long available(String sku, String facilityId) {
        Level level = levels.get(key(sku, facilityId));
        return level == null ? 0 : level.onHand - level.committed;
    }

    /**
     * Whether the SKU carries the pre-order marks at any location.
     *
     * @param sku the SKU
     * @return true when listed
     */
    public synchronized boolean listed(String sku) {
        return levels.entrySet().stream().anyMatch(e -> (e.getKey().equals(sku) || e.getKey().startsWith(sku + "@"))
                && e.getValue().listed);
    }

    /**
     * How many writes (marks or quantity) the channel received.
     *
     * @return the write count
     */
    public synchronized int writes() {
        return writeLog.size();
    }

    /**
     * Every write in order, e.g. {@code "marks RED-M listed=true promise=2026-12-01 flagged=false"} then
     * {@code "on_hand RED-M 0 -> 10"}.
     *
     * @return a copy of the log
     */
    public synchronized List<String> writeLog() {
        return List.copyOf(writeLog);
    }

    private static String key(String sku, String facilityId) {
        return facilityId == null ? sku : sku + "@" + facilityId;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String toString() {
        return "InMemoryPublisher[" + channelId + "]";
    }
}
