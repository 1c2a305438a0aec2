package co.hotwax.preorder.testkit.internal;

import co.hotwax.preorder.testkit.CartLine;
import co.hotwax.preorder.testkit.CheckoutResult;
import co.hotwax.preorder.testkit.InventoryPolicy;
import co.hotwax.preorder.testkit.OrderResult;
import co.hotwax.preorder.testkit.OrderStatus;
import co.hotwax.preorder.testkit.SellingPlanReserve;
import co.hotwax.preorder.testkit.SimulatedOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopper orders and what they do to inventory, like Shopify's checkout.
 *
 * <ul>
 *   <li><b>Online checkout</b> ({@link #checkout}): a tracked DENY variant sells only while the summed
 *       {@code available} of the active locations that fulfil online orders covers the cart's quantity of it; the
 *       whole cart is refused otherwise. Accepted carts are routed by the fulfilment priority list: the first
 *       location that has every line in stock takes the whole cart; otherwise each line goes to the first location
 *       that has it in stock, and an oversold line (CONTINUE, or a DENY line covered only by the sum) to the first
 *       location where it is stocked. Help: "Setting up your locations" ("If any location can fulfill the entire
 *       order, then the inventory is drawn from that location. If no location can fulfill the entire order, then
 *       a split order is created"), "Understanding order routing", "Setting up location fulfillments".</li>
 *   <li><b>POS sale</b> ({@link #posSale}): "Shopify POS orders use available inventory from the location where the
 *       sale is made"; DENY is checked at that location and the buyer leaves with the goods (fulfilled at once).</li>
 *   <li><b>Assigned order</b> ({@link #place}): checked and committed at a location the caller picks.</li>
 * </ul>
 *
 * <p>Units are committed at the routed location: available -= q, committed += q. A line bought with a selling
 * plan whose inventory policy is {@code ON_FULFILLMENT} takes nothing at checkout and leaves available only on
 * fulfilment. A line is never split across locations (a simplification). Every method runs under the shop lock.
 */
public final class OrderBook {
    private final ShopStore store;
    private final OrderObserver observer;
    private final Map<String, SimulatedOrder> orders = new LinkedHashMap<>();
    private final Set<String> reservedOnFulfilment = new HashSet<>();

    /** Books orders against {@code store}, reporting each attempt to {@code observer}. */
    public OrderBook(ShopStore store, OrderObserver observer) {
        this.store = store;
        this.observer = observer;
    }

    /** Places an order for a variant (GID or SKU) at a location the caller picks. */
    public OrderResult place(String variantIdOrSku, int quantity, String locationId) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        return store.locked(() -> {
            VariantRecord variant = variant(variantIdOrSku);
            LocationRecord location = location(locationId);
            String refusal = refusalAt(variant, quantity, location);
            if (refusal != null) {
                observer.placed(variant.sku(), null, quantity, store.now(), false);
                return OrderResult.refused(refusal);
            }
            return OrderResult.accepted(book(variant, quantity, location, null, OrderStatus.OPEN).id());
        });
    }

    /** An online checkout of a cart, routed by the fulfilment priority list. */
    public CheckoutResult checkout(List<CartLine> cart) {
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("the cart is empty");
        }
        return store.locked(() -> {
            List<Line> lines = resolve(cart);
            String refusal = planRefusal(lines);
            if (refusal == null) {
                refusal = onlineStockRefusal(lines);
            }
            if (refusal != null) {
                return refuse(lines, refusal);
            }
            List<LocationRecord> route = route(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (route.get(i) == null) {
                    return refuse(lines, lines.get(i).variant.sku()
                            + " is not stocked at any active location that fulfils online orders");
                }
            }
            List<SimulatedOrder> booked = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                booked.add(book(l.variant, l.quantity, route.get(i), l.plan, OrderStatus.OPEN));
            }
            return CheckoutResult.accepted(booked);
        });
    }

    /** A POS sale at a location: checked there, and fulfilled at once (the buyer takes the goods). */
    public CheckoutResult posSale(String locationId, List<CartLine> cart) {
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("the cart is empty");
        }
        return store.locked(() -> {
            LocationRecord location = location(locationId);
            List<Line> lines = resolve(cart);
            if (!location.isActive()) {
                return refuse(lines, location.id() + " is not active");
            }
            Map<VariantRecord, Integer> wanted = quantities(lines);
            for (Map.Entry<VariantRecord, Integer> e : wanted.entrySet()) {
                String refusal = refusalAt(e.getKey(), e.getValue(), location);
                if (refusal != null) {
                    return refuse(lines, refusal);
                }
            }
            List<SimulatedOrder> booked = new ArrayList<>();
            for (Line l : lines) {
                SimulatedOrder o = book(l.variant, l.quantity, location, null, OrderStatus.OPEN);
                fulfil(o.id());
                booked.add(orders.get(o.id()));
            }
            return CheckoutResult.accepted(booked);
        });
    }

    /** Cancels an open order; with restock the units return to available, without they leave on_hand. */
    public void cancel(String orderId, boolean restock) {
        store.locked(() -> {
            SimulatedOrder o = open(orderId);
            LevelRecord level = level(o, o.locationId());
            if (level != null && !reservedOnFulfilment.contains(orderId)) {
                level.add(QuantityName.COMMITTED, -o.quantity(), store.now());
                if (restock) {
                    level.add(QuantityName.AVAILABLE, o.quantity(), store.now());
                }
            }
            orders.put(orderId, with(o, o.locationId(), OrderStatus.CANCELLED));
            observer.cancelled(orderId, store.now());
        });
    }

    /** Fulfils an open order: its units leave on_hand (from committed, or from available when reserved late). */
    public void fulfil(String orderId) {
        store.locked(() -> {
            SimulatedOrder o = open(orderId);
            LevelRecord level = level(o, o.locationId());
            if (level != null) {
                level.add(reservedOnFulfilment.contains(orderId) ? QuantityName.AVAILABLE : QuantityName.COMMITTED,
                        -o.quantity(), store.now());
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
            LocationRecord target = location(newLocationId);
            LevelRecord to = level(o, target.id());
            ItemRecord item = store.variant(o.variantId()).orElseThrow().inventoryItem();
            if (to == null && item.tracked()) {
                throw new IllegalArgumentException(o.sku() + " is not stocked at " + newLocationId);
            }
            if (!reservedOnFulfilment.contains(orderId)) {
                LevelRecord from = level(o, o.locationId());
                if (from != null) {
                    from.add(QuantityName.COMMITTED, -o.quantity(), store.now());
                    from.add(QuantityName.AVAILABLE, o.quantity(), store.now());
                }
                if (to != null) {
                    moveToCommitted(to, o.quantity());
                }
            }
            orders.put(orderId, with(o, target.id(), OrderStatus.OPEN));
        });
    }

    /** Every order, oldest first. */
    public List<SimulatedOrder> orders() {
        return store.locked(() -> List.copyOf(orders.values()));
    }

    private record Line(VariantRecord variant, int quantity, SellingPlanRecord plan, String planId) {
    }

    private List<Line> resolve(List<CartLine> cart) {
        List<Line> lines = new ArrayList<>();
        for (CartLine c : cart) {
            VariantRecord v = variant(c.variantIdOrSku());
            SellingPlanRecord plan = c.sellingPlanId() == null ? null
                    : store.sellingPlan(v.id(), c.sellingPlanId()).orElse(null);
            lines.add(new Line(v, c.quantity(), plan, c.sellingPlanId()));
        }
        return lines;
    }

    /** Storefront cart rules: VARIANT_REQUIRES_SELLING_PLAN and SELLING_PLAN_NOT_APPLICABLE. */
    private static String planRefusal(List<Line> lines) {
        for (Line l : lines) {
            if (l.planId != null && l.plan == null) {
                return "SELLING_PLAN_NOT_APPLICABLE: " + l.planId + " does not apply to " + l.variant.sku();
            }
            if (l.plan == null && l.variant.product().requiresSellingPlan()) {
                return "VARIANT_REQUIRES_SELLING_PLAN: " + l.variant.sku() + " can only be bought with a plan";
            }
        }
        return null;
    }

    private String onlineStockRefusal(List<Line> lines) {
        for (Map.Entry<VariantRecord, Integer> e : quantities(lines).entrySet()) {
            VariantRecord v = e.getKey();
            ItemRecord item = v.inventoryItem();
            if (!item.tracked() || v.inventoryPolicy() != InventoryPolicy.DENY) {
                continue;
            }
            int sellable = 0;
            for (LocationRecord l : store.locationsByPriority()) {
                LevelRecord level = item.level(l.id());
                if (l.sellsOnline() && level != null) {
                    sellable += level.get(QuantityName.AVAILABLE);
                }
            }
            if (sellable < e.getValue()) {
                return "Only " + Math.max(0, sellable) + " of " + v.sku()
                        + " available at locations that fulfil online orders, " + e.getValue() + " requested";
            }
        }
        return null;
    }

    /** The routed location of each line (null when no online location can take it). */
    private List<LocationRecord> route(List<Line> lines) {
        List<LocationRecord> ranked = store.locationsByPriority().stream().filter(LocationRecord::sellsOnline)
                .toList();
        Map<VariantRecord, Integer> wanted = quantities(lines);
        for (LocationRecord l : ranked) {
            if (wanted.entrySet().stream().allMatch(e -> inStock(e.getKey(), e.getValue(), l))) {
                return lines.stream().map(x -> l).toList();
            }
        }
        List<LocationRecord> route = new ArrayList<>();
        for (Line line : lines) {
            LocationRecord chosen = ranked.stream().filter(l -> inStock(line.variant, line.quantity, l)).findFirst()
                    .orElse(ranked.stream().filter(l -> line.variant.inventoryItem().level(l.id()) != null)
                            .findFirst().orElse(null));
            if (chosen == null && !line.variant.inventoryItem().tracked() && !ranked.isEmpty()) {
                chosen = ranked.get(0);
            }
            route.add(chosen);
        }
        return route;
    }

    private static boolean inStock(VariantRecord v, int quantity, LocationRecord l) {
        LevelRecord level = v.inventoryItem().level(l.id());
        if (!v.inventoryItem().tracked()) {
            return true;
        }
        return level != null && level.get(QuantityName.AVAILABLE) >= quantity;
    }

    private static Map<VariantRecord, Integer> quantities(List<Line> lines) {
        Map<VariantRecord, Integer> wanted = new LinkedHashMap<>();
        for (Line l : lines) {
            wanted.merge(l.variant, l.quantity, Integer::sum);
        }
        return wanted;
    }

    private String refusalAt(VariantRecord variant, int quantity, LocationRecord location) {
        ItemRecord item = variant.inventoryItem();
        LevelRecord level = item.level(location.id());
        if (item.tracked() && level == null) {
            return variant.sku() + " is not stocked at " + location.id();
        }
        if (item.tracked() && variant.inventoryPolicy() == InventoryPolicy.DENY
                && level.get(QuantityName.AVAILABLE) < quantity) {
            return "Only " + Math.max(0, level.get(QuantityName.AVAILABLE)) + " of " + variant.sku()
                    + " available at " + location.id() + ", " + quantity + " requested";
        }
        return null;
    }

    private CheckoutResult refuse(List<Line> lines, String reason) {
        for (Line l : lines) {
            observer.placed(l.variant.sku(), null, l.quantity, store.now(), false);
        }
        return CheckoutResult.refused(reason);
    }

    private SimulatedOrder book(VariantRecord variant, int quantity, LocationRecord location, SellingPlanRecord plan,
            OrderStatus status) {
        String id = Gid.of("Order", store.nextNumber());
        LevelRecord level = variant.inventoryItem().level(location.id());
        if (plan != null && plan.reserve() == SellingPlanReserve.ON_FULFILLMENT) {
            reservedOnFulfilment.add(id);
        } else if (level != null) {
            moveToCommitted(level, quantity);
        }
        SimulatedOrder o = new SimulatedOrder(id, variant.id(), variant.sku(), quantity, location.id(), store.now(),
                status);
        orders.put(id, o);
        observer.placed(variant.sku(), id, quantity, store.now(), true);
        return o;
    }

    private void moveToCommitted(LevelRecord level, int quantity) {
        level.add(QuantityName.AVAILABLE, -quantity, store.now());
        level.add(QuantityName.COMMITTED, quantity, store.now());
    }

    private LocationRecord location(String locationId) {
        return store.location(locationId).orElseThrow(() -> new IllegalArgumentException("no location " + locationId));
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
