/**
 * Implementation detail of the sync engine. Not API: anything here may change at any time, in any release.
 *
 * <p>Jobs: {@link co.hotwax.preorder.core.engine.internal.EngineConfig} (validated settings),
 * {@link co.hotwax.preorder.core.engine.internal.Lifecycle} (phases and their legal moves),
 * {@link co.hotwax.preorder.core.engine.internal.CommandInbox} (OMS intake),
 * {@link co.hotwax.preorder.core.engine.internal.SyncLoop} (one iteration and the loop thread),
 * {@link co.hotwax.preorder.core.engine.internal.FeedRunner} and
 * {@link co.hotwax.preorder.core.engine.internal.FeedReader} (feed reads off the publishing thread),
 * {@link co.hotwax.preorder.core.engine.internal.PublishScheduler} with its per-publisher queues, lanes, backoff,
 * resync progress and counters (what to publish next).
 */
package co.hotwax.preorder.core.engine.internal;
