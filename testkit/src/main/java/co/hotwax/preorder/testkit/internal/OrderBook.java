package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.OrderStatus;
import co.hotwax.preorder.testkit.SimulatedOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopper orders and what they do to inventory, like Shopify's checkout: an accepted order moves units from
 * available to committed (on_hand unchanged); DENY + tracked refuses what available cannot cover. Every method
 * runs under the shop lock, so concurrent shoppers and API writes are serialised.
 */
public final class OrderBook {
    private final ShopStore store;
    private final OrderObserver observer;
    private final Map<String, SimulatedOrder> orders = new LinkedHashMap<>();

    /** Books orders against {@code store}, reporting each attempt to {@code observer}. */
    public OrderBook(ShopStore store, OrderObserver observer) {
        this.store = store;
        this.observer = observer;
    }

    /** Places an order for a variant (GID or SKU) at a location. */
    public OrderResult place(String variantIdOrSku, int quantity, String locationId) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        return store.locked(() -> {
            VariantRecord variant = variant(variantIdOrSku);
            LocationRecord location = store.location(locationId)
                    .orElseThrow(() -> new IllegalArgumentException("no location " + locationId));
            ItemRecord item = variant.inventoryItem();
            LevelRecord level = item.level(location.id());
            String refusal = null;
            if (item.tracked() && level == null) {
                refusal = variant.sku() + " is not stocked at " + location.id();
            } else if (item.tracked() && variant.inventoryPolicy() == InventoryPolicy.DENY
                    && level.get(QuantityName.AVAILABLE) < quantity) {
                refusal = "Only " + Math.max(0, level.get(QuantityName.AVAILABLE)) + " of " + variant.sku()
                        + " available at " + location.id() + ", " + quantity + " requested";
            }
            if (refusal != null) {
                observer.placed(variant.sku(), null, quantity, store.now(), false);
                return OrderResult.refused(refusal);
            }
            if (level != null) {
                moveToCommitted(level, quantity);
            }
            String id = Gid.of("Order", store.nextNumber());
            orders.put(id, new SimulatedOrder(id, variant.id(), variant.sku(), quantity, location.id(), store.now(),
                    OrderStatus.OPEN));
            observer.placed(variant.sku(), id, quantity, store.now(), true);
            return OrderResult.accepted(id);
        });
    }

    /** Cancels an open order; with restock the units return to available, without they leave on_hand. */
    public void cancel(String orderId, boolean restock) {
        store.locked(() -> {
            SimulatedOrder o = open(orderId);
            LevelRecord level = level(o, o.locationId());
            if (level != null) {
                level.add(QuantityName.COMMITTED, -o.quantity(), store.now());
                if (restock) {
                    level.add(QuantityName.AVAILABLE, o.quantity(), store.now());
                }
            }
            orders.put(orderId, with(o, o.locationId(), OrderStatus.CANCELLED));
            observer.cancelled(orderId, store.now());
        });
    }

    /** Fulfils an open order: its committed units leave on_hand. */
    public void fulfil(String orderId) {
        store.locked(() -> {
            SimulatedOrder o = open(orderId);
            LevelRecord level = level(o, o.locationId());
            if (level != null) {
                level.add(QuantityName.COMMITTED, -o.quantity(), store.now());
            }
            orders.put(orderId, with(o, o.locationId(), OrderStatus.FULFILLED));
        });
    }

    /**
     * Moves an open order's reservation to another location: released at the old one (back to available),
     * committed at the new one even if its available goes negative, as Shopify does.
     */
    public void moveFulfilment(String orderId, String newLocationId) {
        store.locked(() -> {
            SimulatedOrder o = open(orderId);
            LocationRecord target = store.location(newLocationId)
                    .orElseThrow(() -> new IllegalArgumentException("no location " + newLocationId));
            LevelRecord to = level(o, target.id());
            ItemRecord item = store.variant(o.variantId()).orElseThrow().inventoryItem();
            if (to == null && item.tracked()) {
                throw new IllegalArgumentException(o.sku() + " is not stocked at " + newLocationId);
            }
            LevelRecord from = level(o, o.locationId());
            if (from != null) {
                from.add(QuantityName.COMMITTED, -o.quantity(), store.now());
                from.add(QuantityName.AVAILABLE, o.quantity(), store.now());
            }
            if (to != null) {
                moveToCommitted(to, o.quantity());
            }
            orders.put(orderId, with(o, target.id(), OrderStatus.OPEN));
        });
    }

    /** Every order, oldest first. */
    public List<SimulatedOrder> orders() {
        return store.locked(() -> List.copyOf(orders.values()));
    }

    private void moveToCommitted(LevelRecord level, int quantity) {
        level.add(QuantityName.AVAILABLE, -quantity, store.now());
        level.add(QuantityName.COMMITTED, quantity, store.now());
    }

    private VariantRecord variant(String variantIdOrSku) {
        if (Gid.type(variantIdOrSku).isPresent()) {
            return store.variant(variantIdOrSku)
                    .orElseThrow(() -> new IllegalArgumentException("no variant " + variantIdOrSku));
        }
        List<VariantRecord> bySku = store.variantsBySku(variantIdOrSku);
        if (bySku.size() != 1) {
            throw new IllegalArgumentException("SKU " + variantIdOrSku + " matches " + bySku.size()
                    + " variants; pass the variant id");
        }
        return bySku.get(0);
    }

    private SimulatedOrder open(String orderId) {
        SimulatedOrder o = orders.get(orderId);
        if (o == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        if (o.status() != OrderStatus.OPEN) {
            throw new IllegalStateException("order " + orderId + " is " + o.status() + ", not OPEN");
        }
        return o;
    }

    private LevelRecord level(SimulatedOrder o, String locationId) {
        return store.variant(o.variantId()).orElseThrow().inventoryItem().level(locationId);
    }

    private static SimulatedOrder with(SimulatedOrder o, String locationId, OrderStatus status) {
        return new SimulatedOrder(o.id(), o.variantId(), o.sku(), o.quantity(), locationId, o.placedAt(), status);
    }
}
