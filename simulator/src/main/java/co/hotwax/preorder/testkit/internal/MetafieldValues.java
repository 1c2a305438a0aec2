package co.hotwax.preorder.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks a metafield value against its type, as {@code metafieldsSet} does (userError {@code INVALID_VALUE}), for the
 * types of shopify.dev/docs/apps/build/custom-data/metafields/list-of-data-types the simulator knows:
 * {@code boolean} (true/false), {@code number_integer} (a whole number within ±9,007,199,254,740,991),
 * {@code number_decimal}, {@code date} (YYYY-MM-DD), {@code date_time} (ISO 8601), {@code json} (any valid JSON),
 * {@code single_line_text_field} (no line breaks) and {@code multi_line_text_field}. Other types are not checked.
 * The messages are the simulator's wording.
 */
final class MetafieldValues {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final BigInteger MAX_INTEGER = BigInteger.valueOf(9_007_199_254_740_991L);
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private MetafieldValues() {
    }

    /** Why {@code value} is not a valid {@code type}, or null when it is (or the type is not checked). */
    static String problem(String type, String value) {
        if (type == null || value == null) {
            return null;
        }
        return switch (type) {
            case "boolean" -> value.equals("true") || value.equals("false") ? null : "Value must be true or false.";
            case "number_integer" -> INTEGER.matcher(value).matches()
                    && new BigInteger(value).abs().compareTo(MAX_INTEGER) <= 0 ? null
                    : "Value must be an integer between -9007199254740991 and 9007199254740991.";
            case "number_decimal" -> DECIMAL.matcher(value).matches() && new BigDecimal(value).precision() <= 21
                    ? null : "Value must be a decimal number.";
            case "date" -> parses(() -> LocalDate.parse(value)) ? null : "Value must be in YYYY-MM-DD format.";
            case "date_time" -> parses(() -> OffsetDateTime.parse(value)) || parses(() -> LocalDateTime.parse(value))
                    ? null : "Value must be an ISO 8601 date and time.";
            case "json" -> validJson(value) ? null : "Value is invalid JSON.";
            case "single_line_text_field" -> value.contains("\n") || value.contains("\r")
                    ? "Value must be a single line of text." : null;
            default -> null;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean validJson(String value) {
        try {
            JSON.readTree(value);
            return !value.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
