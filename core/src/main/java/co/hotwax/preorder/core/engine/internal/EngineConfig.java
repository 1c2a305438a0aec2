package co.hotwax.preorder.core.engine.internal;

import co.hotwax.preorder.core.BookListener;
import co.hotwax.preorder.core.BookPolicy;
import co.hotwax.preorder.core.engine.Quota;
import co.hotwax.preorder.core.engine.SyncListener;
import co.hotwax.preorder.spi.InventoryPublisher;
import co.hotwax.preorder.spi.PreOrderSource;
import co.hotwax.preorder.spi.PurchaseOrderSource;
import co.hotwax.preorder.spi.StockSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything the engine's builder validated, as one immutable value handed to the loop.
 *
 * @param supply the supply sources, at least one
 * @param preOrders the pre-order source, or null
 * @param stock the stock source, or null
 * @param publishers the publishers, in builder order
 * @param weights each publisher's weight, in the same order
 * @param quotas each publisher's quota (its own or the default), or null to share by weight, in the same order
 * @param policy the book's policy
 * @param publishPhysicalStock whether physical ATP is published on top of the P share
 * @param listener receives sync events
 * @param bookListener receives the book's events
 * @param clock the engine's clock
 * @param random the randomness for retry jitter
 * @param pollInterval how often the feeds are polled
 * @param reconcileInterval how often a full resync starts
 * @param backoffMin the first retry wait
 * @param backoffMax the longest retry wait
 * @param batchSize the most states per publish call (and items per feed page)
 * @param continueOnSetupProblems whether a store's blocking setup problem at start is only reported (true) or fails
 *                                the start (false)
 */
public record EngineConfig(List<PurchaseOrderSource> supply, PreOrderSource preOrders, StockSource stock,
                           List<InventoryPublisher> publishers, List<Integer> weights, List<Quota> quotas,
                           BookPolicy policy,
                           boolean publishPhysicalStock, SyncListener listener, BookListener bookListener,
                           Clock clock, RandomGenerator random, Duration pollInterval, Duration reconcileInterval,
                           Duration backoffMin, Duration backoffMax, int batchSize, boolean continueOnSetupProblems) {

    /** Copies the lists, so the builder can go on changing its own. */
    public EngineConfig {
        supply = List.copyOf(supply);
        publishers = List.copyOf(publishers);
        weights = List.copyOf(weights);
        quotas = Collections.unmodifiableList(new ArrayList<>(quotas));
    }
}
