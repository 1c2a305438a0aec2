package co.hotwax.preorder.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback file server of bulk mutations: the staged upload target (a POSTed {@code multipart/form-data} form
 * with the target's parameters and then the file, as Shopify's bulk import guide sends it) and the result files.
 * Shopify's upload targets and result URLs are pre-signed storage URLs used without the access token, so none is
 * checked here; a form without the issued key and policy is refused with 403, as a storage service refuses an
 * unsigned upload.
 */
public final class BulkMutationFiles implements HttpHandler {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private final BulkMutations mutations;

    /** Serves the uploads and results of {@code mutations}. */
    public BulkMutationFiles(BulkMutations mutations) {
        this.mutations = mutations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(BulkMutations.UPLOAD_PATH) && "POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(upload(exchange), -1);
                return;
            }
            Optional<byte[]> body = path.startsWith(BulkMutations.RESULT_PATH) && "GET".equals(exchange.getRequestMethod())
                    ? mutations.result(path.substring(BulkMutations.RESULT_PATH.length())) : Optional.empty();
            if (body.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
            exchange.sendResponseHeaders(200, body.get().length == 0 ? -1 : body.get().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.get());
            }
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
