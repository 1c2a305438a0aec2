package co.hotwax.preorder.shopify.internal;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Makes a fresh random (version 4) UUID per logical write from the injected generator, so a replay from the same
 * seed sends the same keys. A key names one intended change; every retry of that change reuses it.
 */
public final class IdempotencyKeys {
    private final RandomGenerator random;

    /**
     * Creates the key source.
     *
     * @param random the generator
     */
    public IdempotencyKeys(RandomGenerator random) {
        this.random = random;
    }

    /** @return a new key */
    public synchronized String next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
