package co.hotwax.preorder.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A metafield on a product or variant. Guarded by the shop lock. */
public final class MetafieldRecord {
    private final String id;
    private final String ownerId;
    private final String namespace;
    private final String key;
    private final Instant createdAt;
    private String value;
    private String type;
    private Instant updatedAt;
    private long version;

    MetafieldRecord(long number, String ownerId, String namespace, String key, String value, String type, Instant now) {
        this.id = Gid.of("Metafield", number);
        this.ownerId = ownerId;
        this.namespace = namespace;
        this.key = key;
        this.value = value;
        this.type = type;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The metafield GID. */
    public String id() {
        return id;
    }

    /** The owner's GID. */
    public String ownerId() {
        return ownerId;
    }

    /** The namespace. */
    public String namespace() {
        return namespace;
    }

    /** The key. */
    public String key() {
        return key;
    }

    /** The value, always a string. */
    public String value() {
        return value;
    }

    /** The metafield type, e.g. {@code json}. */
    public String type() {
        return type;
    }

    /** When it was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When it last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** An opaque digest that changes on every write, for metafieldsSet compare-and-set. */
    public String compareDigest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((id + "#" + version + "#" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    void update(String value, String type, Instant now) {
        this.value = value;
        if (type != null) {
            this.type = type;
        }
        this.updatedAt = now;
        this.version++;
    }
}
