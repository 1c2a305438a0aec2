package co.hotwax.preorder.hotwax;

import java.util.regex.Pattern;

/** Checks of the OMS ids a setting names (facility, type, status ids), which the sources put into SQL text. */
final class OmsIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,60}");

    private OmsIds() {
    }

    /**
     * Checks an id setting.
     *
     * @param setting the setting's name, named in the error
     * @param value the id
     * @return the id
     * @throws IllegalArgumentException when it is not letters, digits, underscores or dashes (1 to 60)
     */
    static String require(String setting, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be an OMS id (letters, digits, _ or -), was "
                    + value);
        }
        return value;
    }
}
