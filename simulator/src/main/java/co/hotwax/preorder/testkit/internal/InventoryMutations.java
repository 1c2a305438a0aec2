package co.hotwax.preorder.testkit.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory writes of the 2026-04 Admin API: {@code inventorySetQuantities}, {@code inventoryAdjustQuantities}
 * and {@code inventoryActivate}, with their validation, compare-and-set and all-or-nothing rules. Arguments arrive
 * as graphql-java coerced them; an input-object field that the client omitted is absent from its map while an
 * explicit null is present with a null value, which is how the mandatory {@code changeFromQuantity} key is checked.
 * Callers hold the shop lock.
 */
public final class InventoryMutations {
    /**
     * Shopify's documented reason strings: the possible values of {@code InventoryAdjustQuantitiesInput.reason}
     * (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/InventoryAdjustQuantitiesInput).
     */
    public static final Set<String> REASONS = Set.of("correction", "cycle_count_available", "damaged",
            "movement_created", "movement_updated", "movement_received", "movement_canceled", "other", "promotion",
            "quality_control", "received", "reservation_created", "reservation_deleted", "reservation_updated",
            "restock", "safety_stock", "shrinkage");
    private static final Set<String> SETTABLE = Set.of(QuantityName.AVAILABLE, QuantityName.ON_HAND);
    private static final Set<String> ADJUSTABLE = Set.of(QuantityName.AVAILABLE, "reserved", QuantityName.INCOMING,
            "damaged", "safety_stock", "quality_control");
    private static final long SET_BOUND = 1_000_000_000L;
    private static final long DELTA_BOUND = 2_000_000_000L;
    private static final String CHANGE_FROM = "changeFromQuantity";

    private final ShopStore store;
    private final WriteObserver observer;

    /** Writes into {@code store}, reporting every entry to {@code observer}. */
    public InventoryMutations(ShopStore store, WriteObserver observer) {
        this.store = store;
        this.observer = observer;
    }

    /** Validates one entry whose level may be null (already reported); adds userErrors. */
    @FunctionalInterface
    private interface EntryCheck {
        void check(Map<String, Object> entry, int index, LevelRecord level, UserErrors errors);
    }

    /** Applies one validated entry and returns the changes it made. */
    @FunctionalInterface
    private interface EntryWrite {
        List<Map<String, Object>> apply(Map<String, Object> entry, LevelRecord level);
    }

    /** {@code inventorySetQuantities(input:)}: absolute set of available or on_hand, all entries or none. */
    public Map<String, Object> setQuantities(Map<String, Object> input) {
        String name = (String) input.get("name");
        Set<String> seen = new HashSet<>();
        EntryCheck check = (e, i, level, errors) -> {
            int quantity = (Integer) e.get("quantity");
            if (quantity < 0) {
                errors.add("INVALID_QUANTITY_NEGATIVE", UserErrors.path("input", "quantities", i, "quantity"),
                        "The quantity can't be negative.");
            } else if (quantity > SET_BOUND) {
                errors.add("INVALID_QUANTITY_TOO_HIGH", UserErrors.path("input", "quantities", i, "quantity"),
                        "The quantity can't be higher than 1,000,000,000.");
            }
            if (!seen.add(e.get("inventoryItemId") + "|" + e.get("locationId"))) {
                errors.add("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
                        UserErrors.path("input", "quantities", i, "locationId"),
                        "The combination of inventoryItemId and locationId must be unique.");
            }
        };
        EntryWrite write = (e, level) -> {
            int delta = (Integer) e.get("quantity") - level.get(name);
            level.add(QuantityName.AVAILABLE, delta, store.now());
            String other = QuantityName.AVAILABLE.equals(name) ? QuantityName.ON_HAND : QuantityName.AVAILABLE;
            return List.of(change(name, delta, level, null), change(other, delta, level, null));
        };
        return allOrNothing("inventorySetQuantities", input, "quantities", SETTABLE.contains(name),
                "INVALID_NAME", "The quantity name must be either 'available' or 'on_hand', got '" + name + "'.",
                check, write);
    }

    /** {@code inventoryAdjustQuantities(input:)}: deltas to one quantity name, all entries or none. */
    public Map<String, Object> adjustQuantities(Map<String, Object> input) {
        String name = (String) input.get("name");
        Set<Object> ledgerDocuments = new HashSet<>();
        EntryCheck check = (e, i, level, errors) -> {
            long delta = (Integer) e.get("delta");
            if (delta > DELTA_BOUND || delta < -DELTA_BOUND) {
                errors.add(delta > 0 ? "INVALID_QUANTITY_TOO_HIGH" : "INVALID_QUANTITY_TOO_LOW",
                        UserErrors.path("input", "changes", i, "delta"), "The delta is out of bounds.");
            }
            String ledger = (String) e.get("ledgerDocumentUri");
            checkLedger(name, ledger, i, errors);
            if (ledger != null && ledgerDocuments.add(ledger) && ledgerDocuments.size() == 2) {
                errors.add("MAX_ONE_LEDGER_DOCUMENT", UserErrors.path("input", "changes", i, "ledgerDocumentUri"),
                        "All changes must use the same ledgerDocumentUri.");
            }
        };
        EntryWrite write = (e, level) -> {
            int delta = (Integer) e.get("delta");
            String ledger = (String) e.get("ledgerDocumentUri");
            level.add(name, delta, store.now());
            return QuantityName.ON_HAND_PARTS.contains(name)
                    ? List.of(change(name, delta, level, ledger), change(QuantityName.ON_HAND, delta, level, ledger))
                    : List.of(change(name, delta, level, ledger));
        };
        return allOrNothing("inventoryAdjustQuantities", input, "changes", ADJUSTABLE.contains(name),
                "INVALID_QUANTITY_NAME", "The quantity name '" + name + "' can't be adjusted.", check, write);
    }

    /**
     * The shared shape of both writes: the changeFromQuantity key on every entry, reason and reference checks,
     * the name check, per-entry level resolution, entry checks and the CAS check; then either nothing is applied
     * (userErrors, null group) or every entry is, in order.
     */
    private Map<String, Object> allOrNothing(String op, Map<String, Object> input, String listName, boolean nameOk,
            String nameCode, String nameMessage, EntryCheck check, EntryWrite write) {
        List<Map<String, Object>> entries = list(input.get(listName));
        requireChangeFromKey(entries, listName);
        String name = (String) input.get("name");
        UserErrors errors = new UserErrors();
        checkCommon(input, errors);
        if (!nameOk) {
            errors.add(nameCode, List.of("input", "name"), nameMessage);
        }
        List<LevelRecord> targets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            LevelRecord level = resolveLevel(e, i, listName, errors);
            targets.add(level);
            check.check(e, i, level, errors);
            if (level != null && nameOk) {
                checkStale(e, level, name, i, listName, errors);
            }
        }
        if (!errors.isEmpty()) {
            for (LevelRecord level : targets) {
                observer.write(level == null ? null : level.item().sku(), op, "refused: " + errors.list(), false);
            }
            return errors.payload("inventoryAdjustmentGroup", null);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LevelRecord level = targets.get(i);
            List<Map<String, Object>> made = write.apply(entries.get(i), level);
            changes.addAll(made);
            observer.write(level.item().sku(), op, name + " " + made.get(0).get("delta") + " -> "
                    + level.get(name) + " at " + level.location().id(), true);
        }
        return errors.payload("inventoryAdjustmentGroup", group(input, changes));
    }

    /** {@code inventoryActivate}: stocks an item at a location, optionally with an initial available or on_hand. */
    public Map<String, Object> activate(Map<String, Object> args) {
        UserErrors errors = new UserErrors();
        ItemRecord item = store.item((String) args.get("inventoryItemId")).orElse(null);
        LocationRecord location = store.location((String) args.get("locationId")).orElse(null);
        Integer available = (Integer) args.get("available");
        Integer onHand = (Integer) args.get("onHand");
        if (item == null) {
            errors.add(null, List.of("inventoryItemId"), "Inventory item does not exist");
        }
        if (location == null) {
            errors.add(null, List.of("locationId"), "Location does not exist");
        }
        if (available != null && onHand != null) {
            errors.add(null, List.of("available"), "Only one of available or onHand can be specified.");
        }
        Integer initial = available != null ? available : onHand;
        if (initial != null && initial < 0) {
            errors.add(null, List.of(available != null ? "available" : "onHand"), "The quantity can't be negative.");
        }
        if (item != null && location != null && item.level(location.id()) != null && initial != null) {
            errors.add(null, List.of("available"),
                    "Not allowed to set available quantity when the item is already active at the location.");
        }
        if (!errors.isEmpty()) {
            observer.write(item == null ? null : item.sku(), "inventoryActivate", "refused: " + errors.list(), false);
            return errors.payload("inventoryLevel", null);
        }
        LevelRecord level = store.activate(item, location);
        if (initial != null) {
            level.add(QuantityName.AVAILABLE, initial, store.now());
        }
        observer.write(item.sku(), "inventoryActivate", "activated at " + location.id()
                + (initial == null ? "" : " with available " + initial), true);
        return errors.payload("inventoryLevel", level);
    }

    private static void requireChangeFromKey(List<Map<String, Object>> entries, String listName) {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).containsKey(CHANGE_FROM)) {
                throw new RequestError(RequestError.BAD_REQUEST, "changeFromQuantity is required on every entry of "
                        + "input." + listName + " since API version 2026-04 (send an integer to compare-and-set, or an "
                        + "explicit null to opt out); missing at input." + listName + "[" + i + "]");
            }
        }
    }

    private static void checkCommon(Map<String, Object> input, UserErrors errors) {
        String reason = (String) input.get("reason");
        if (!REASONS.contains(reason)) {
            errors.add("INVALID_REASON", List.of("input", "reason"), "The reason '" + reason + "' is invalid.");
        }
        String uri = (String) input.get("referenceDocumentUri");
        if (uri != null && !hasScheme(uri)) {
            errors.add("INVALID_REFERENCE_DOCUMENT", List.of("input", "referenceDocumentUri"),
                    "The reference document URI must be a URI with a scheme.");
        }
    }

    private static boolean hasScheme(String uri) {
        try {
            return new URI(uri).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkLedger(String name, String ledger, int i, UserErrors errors) {
        List<String> field = UserErrors.path("input", "changes", i, "ledgerDocumentUri");
        if (QuantityName.AVAILABLE.equals(name)) {
            if (ledger != null) {
                errors.add("INVALID_AVAILABLE_DOCUMENT", field,
                        "A ledger document URI is not allowed when adjusting available.");
            }
        } else if (ledger == null) {
            errors.add("INVALID_QUANTITY_DOCUMENT", field,
                    "A ledger document URI is required for quantity names other than available.");
        } else if (ledger.startsWith("gid://shopify/")) {
            errors.add("INTERNAL_LEDGER_DOCUMENT", field, "Shopify's own ledger documents can't be used.");
        } else if (!hasScheme(ledger)) {
            errors.add("INVALID_LEDGER_DOCUMENT", field, "The ledger document URI must be a URI with a scheme.");
        }
    }

    private LevelRecord resolveLevel(Map<String, Object> e, int i, String listName, UserErrors errors) {
        ItemRecord item = store.item((String) e.get("inventoryItemId")).orElse(null);
        LocationRecord location = store.location((String) e.get("locationId")).orElse(null);
        if (item == null) {
            errors.add("INVALID_INVENTORY_ITEM", UserErrors.path("input", listName, i, "inventoryItemId"),
                    "The specified inventory item could not be found.");
            return null;
        }
        if (location == null) {
            errors.add("INVALID_LOCATION", UserErrors.path("input", listName, i, "locationId"),
                    "The specified location could not be found.");
            return null;
        }
        LevelRecord level = item.level(location.id());
        if (level == null) {
            errors.add("ITEM_NOT_STOCKED_AT_LOCATION", UserErrors.path("input", listName, i, "locationId"),
                    "The specified inventory item is not stocked at the location.");
        }
        return level;
    }

    private static void checkStale(Map<String, Object> e, LevelRecord level, String name, int i, String listName,
            UserErrors errors) {
        Integer expected = (Integer) e.get(CHANGE_FROM);
        if (expected != null && expected != level.get(name)) {
            errors.add("CHANGE_FROM_QUANTITY_STALE", UserErrors.path("input", listName, i, CHANGE_FROM),
                    "The specified changeFromQuantity " + expected + " does not match the current " + name
                            + " quantity " + level.get(name) + ".");
        }
    }

    private Map<String, Object> change(String name, int delta, LevelRecord level, String ledger) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("delta", delta);
        c.put("quantityAfterChange", level.get(name));
        c.put("item", level.item());
        c.put("location", level.location());
        c.put("ledgerDocumentUri", ledger);
        return c;
    }

    private Map<String, Object> group(Map<String, Object> input, List<Map<String, Object>> changes) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("__typename", "InventoryAdjustmentGroup");
        g.put("id", Gid.of("InventoryAdjustmentGroup", store.nextNumber()));
        g.put("createdAt", store.now());
        g.put("reason", input.get("reason"));
        g.put("referenceDocumentUri", input.get("referenceDocumentUri"));
        g.put("changes", List.copyOf(changes));
        return g;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
