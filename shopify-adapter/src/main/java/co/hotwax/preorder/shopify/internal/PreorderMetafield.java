package co.hotwax.preorder.shopify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The variant metafield value, in HotWax's storefront format:
 * {@code {"status":"active"|"inactive","preorderType":"PRE_ORDER","promise_date":"MM/dd/yyyy"|"_NA_","last_updated_at":ISO}}.
 * Two values are the same mark when everything but {@code last_updated_at} matches, so publishing an unchanged
 * state writes nothing.
 */
public final class PreorderMetafield {
    private static final DateTimeFormatter PROMISE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final String NO_DATE = "_NA_";

    private final ObjectMapper json;
    private final Clock clock;

    /**
     * Creates the formatter.
     *
     * @param json the mapper
     * @param clock stamps {@code last_updated_at}
     */
    public PreorderMetafield(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * The value to write.
     *
     * @param active whether the variant is listed
     * @param promiseDate the promise date, or null
     * @return the JSON text
     */
    public String value(boolean active, LocalDate promiseDate) {
        ObjectNode node = json.createObjectNode()
                .put("status", active ? "active" : "inactive")
                .put("preorderType", "PRE_ORDER")
                .put("promise_date", promiseDate == null ? NO_DATE : PROMISE.format(promiseDate))
                .put("last_updated_at", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        return node.toString();
    }

    /**
     * Whether the stored value already says what we would write.
     *
     * @param stored the current value, or null when there is none
     * @param active whether the variant should be listed
     * @param promiseDate the promise date, or null
     * @return true when no write is needed
     */
    public boolean matches(String stored, boolean active, LocalDate promiseDate) {
        JsonNode node = parse(stored);
        if (node == null) {
            // No metafield: nothing to switch off; a listing needs one.
            return !active;
        }
        return node.path("status").asText("").equals(active ? "active" : "inactive")
                && node.path("preorderType").asText("").equals("PRE_ORDER")
                && node.path("promise_date").asText("").equals(promiseDate == null ? NO_DATE : PROMISE.format(promiseDate));
    }

    /**
     * Whether a stored value marks the variant as listed.
     *
     * @param stored the value, or null
     * @return true when its status is active
     */
    public boolean isActive(String stored) {
        JsonNode node = parse(stored);
        return node != null && "active".equals(node.path("status").asText());
    }

    /**
     * Whether a stored value has the shape this adapter writes (an object with a status and
     * {@code preorderType: PRE_ORDER}); a value of another shape belongs to something else.
     *
     * @param stored the value, or null
     * @return true when absent or ours
     */
    public boolean absentOrOurs(String stored) {
        if (stored == null) {
            return true;
        }
        JsonNode node = parse(stored);
        return node != null && node.path("status").isTextual() && "PRE_ORDER".equals(node.path("preorderType").asText());
    }

    private JsonNode parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(stored);
            return node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
