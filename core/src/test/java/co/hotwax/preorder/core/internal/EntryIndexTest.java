package co.hotwax.preorder.core.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The book's id index agrees with a HashMap on every lookup, across growth, for one- and two-part ids. */
class EntryIndexTest {
    private record Item(String first, String second) {
    }

    private static final EntryIndex.Ids<Item> IDS = new EntryIndex.Ids<>() {
        @Override
        public String first(Item entry) {
            return entry.first();
        }

        @Override
        public String second(Item entry) {
            return entry.second();
        }
    };

    @Test
    void agreesWithAHashMap() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            EntryIndex<Item> index = new EntryIndex<>(IDS, random.nextInt(3) == 0 ? 0 : random.nextInt(500));
            HashMap<List<String>, Item> reference = new HashMap<>();
            ArrayList<List<String>> asked = new ArrayList<>();
            for (int step = 0; step < 3_000; step++) {
                // Small id spaces make hits, misses, equal hashes of different ids ("Aa"/"BB") and one-part ids meet.
                String first = random.nextInt(4) == 0 ? (random.nextBoolean() ? "Aa" : "BB")
                        : "o" + random.nextInt(800);
                String second = random.nextInt(5) == 0 ? null : Integer.toString(random.nextInt(3));
                List<String> id = java.util.Arrays.asList(first, second);
                asked.add(id);
                Item found = index.get(first, second);
                assertThat(found).as("seed %d step %d id %s", seed, step, id).isSameAs(reference.get(id));
                if (found == null && random.nextBoolean()) {
                    Item item = new Item(first, second);
                    index.add(item);
                    reference.put(id, item);
                }
            }
            assertThat(index.size()).as("seed %d", seed).isEqualTo(reference.size());
            for (List<String> id : asked) {
                assertThat(index.get(id.get(0), id.get(1))).as("seed %d id %s", seed, id)
                        .isSameAs(reference.get(id));
            }
            ArrayList<Item> visited = new ArrayList<>();
            index.forEach(visited::add);
            assertThat(visited).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(reference.values());
        }
    }
}
