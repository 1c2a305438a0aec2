package co.hotwax.preorder.core.internal;

import co.hotwax.preorder.core.PoolKey;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Pool#hasSku} compares packed characters; it must agree with {@link String#equals} for every pair. */
class PoolSkuTest {
    private static final char[] ALPHABET = {'A', 'B', '-', '0', '1', 'é', 'ÿ', 'Ā', '中'};

    @Test
    void agreesWithStringEqualsOnRandomSkus() {
        long seed = 20261126L;
        RandomGenerator random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            String sku = randomSku(random);
            String other = random.nextInt(3) == 0 ? new String(sku.toCharArray()) : mutate(sku, random);
            Pool pool = new Pool(new PoolKey(sku, null));
            assertThat(pool.hasSku(other))
                    .as("seed %d, pool sku '%s', given '%s'", seed, sku, other)
                    .isEqualTo(sku.equals(other));
        }
    }

    private static String randomSku(RandomGenerator random) {
        // Lengths around the 8/16/24 boundaries of the packing, and past them.
        int length = 1 + random.nextInt(30);
        StringBuilder b = new StringBuilder(length);
        boolean latin1 = random.nextInt(4) != 0;
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET[random.nextInt(latin1 ? 7 : ALPHABET.length)]);
        }
        return b.charAt(0) == '-' || b.toString().isBlank() ? "S" + b : b.toString();
    }

    private static String mutate(String sku, RandomGenerator random) {
        StringBuilder b = new StringBuilder(sku);
        switch (random.nextInt(3)) {
            case 0 -> b.setCharAt(random.nextInt(b.length()), ALPHABET[random.nextInt(ALPHABET.length)]);
            case 1 -> b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            default -> b.setLength(b.length() - 1);
        }
        return b.toString();
    }
}
