package co.hotwax.preorder.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes the structure-only copy of Shopify's Admin schema that the testkit jar carries: the full SDL with every
 * description (block strings and single-line strings before a definition) and comment removed, so types, fields,
 * arguments, default values, enums and directives stay and no description text is shipped.
 *
 * <p>Run from the repository root after the shared copy changes:
 * {@code mvn -B -ntp -o -q -pl simulator test-compile exec:java} is not configured on purpose (no extra plugin);
 * use {@code java -cp simulator/target/test-classes co.hotwax.preorder.testkit.internal.SchemaStructureGenerator
 * ../shared/reference/shopify-schema/admin-2026-04.graphql
 * simulator/src/main/resources/co/hotwax/preorder/testkit/admin-2026-04-structure.graphqls}.
 * {@code SchemaStructureTest} fails when the committed copy differs from what this produces.
 */
public final class SchemaStructureGenerator {
    private static final Pattern BLANK_LINES = Pattern.compile("\\n([ \\t]*\\n)+");

    private SchemaStructureGenerator() {
    }

    /**
     * The SDL without descriptions and comments, one blank line between definitions.
     *
     * @param sdl the full schema text
     * @return the structure-only text, ending in a newline
     */
    public static String strip(String sdl) {
        String s = withoutStringsAndComments(sdl.replace("\r\n", "\n"));
        s = s.replaceAll("(?m)[ \\t]+$", "");
        s = BLANK_LINES.matcher(s).replaceAll("\n");
        s = s.replaceAll("\\n}\\n(?=\\S)", "\n}\n\n");
        s = s.replaceAll("\\n(?=(directive|scalar|enum|union|type|input|interface|schema|extend) )", "\n\n")
                .replaceAll("\\n{3,}", "\n\n");
        return s.strip() + "\n";
    }

    /**
     * Drops block strings, strings that open a line (descriptions) and comments; keeps strings after other tokens
     * (default values, directive arguments). A scanner, not a regular expression, because descriptions run to
     * thousands of characters.
     */
    private static String withoutStringsAndComments(String s) {
        StringBuilder out = new StringBuilder(s.length() / 3);
        boolean lineHasToken = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int close = i + 3;
                while (!s.startsWith("\"\"\"", close) || s.charAt(close - 1) == '\\') {
                    close++;
                }
                i = close + 3;
            } else if (c == '"' && !lineHasToken) {
                int close = i + 1;
                while (s.charAt(close) != '"' || s.charAt(close - 1) == '\\') {
                    close++;
                }
                i = close + 1;
            } else if (c == '"') {
                int close = i + 1;
                while (s.charAt(close) != '"' || s.charAt(close - 1) == '\\') {
                    close++;
                }
                out.append(s, i, close + 1);
                i = close + 1;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else {
                if (c == '\n') {
                    lineHasToken = false;
                } else if (!Character.isWhitespace(c)) {
                    lineHasToken = true;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Reads the full schema and writes the structure-only copy.
     *
     * @param args the input path and the output path
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SchemaStructureGenerator <full-schema.graphql> <output>");
        }
        String full = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), strip(full), StandardCharsets.UTF_8);
    }
}
