package co.hotwax.preorder.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staged upload target of bulk mutations on loopback: a POSTed {@code multipart/form-data} form with the
 * target's parameters and then the file, as Shopify's bulk import guide sends it (result files are served by
 * {@link BulkResultHandler}). Shopify's upload targets are pre-signed storage URLs used without the access token,
 * so none is checked here; a form without the issued key and policy is refused with 403, as a storage service
 * refuses an unsigned upload; anything but a POST answers 404.
 */
public final class BulkMutationFiles implements HttpHandler {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private final BulkMutations mutations;

    /** Receives the uploads of {@code mutations}. */
    public BulkMutationFiles(BulkMutations mutations) {
        this.mutations = mutations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean upload = path.startsWith(BulkMutations.UPLOAD_PATH) && "POST".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(upload ? upload(exchange) : 404, -1);
        }
    }

    private int upload(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = BOUNDARY.matcher(type == null ? "" : type);
        if (type == null || !type.startsWith("multipart/form-data") || !boundary.find()) {
            return 400;
        }
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(BulkMutations.MAX_UPLOAD_BYTES + 64 * 1024);
            if (in.read() != -1) {
                return 413;
            }
        }
        // ISO-8859-1 maps every byte to one char and back, so the file part comes out byte for byte.
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        Map<String, String> fields = new HashMap<>();
        byte[] file = null;
        for (String part : body.split(Pattern.quote(delimiter))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (name.group(1).equals("file")) {
                file = content.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                fields.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return mutations.upload(fields, file);
    }
}
