package co.hotwax.preorder.core.engine.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which channel problems (refusals of a whole channel, e.g. a missing access scope) were already reported, so each
 * is reported once per channel and reason rather than once per SKU and reconciliation; a channel that applies a
 * state again is forgotten, so a problem that comes back is reported again. Loop thread only.
 */
final class ChannelProblems {
    /** Distinct reasons remembered per channel; a channel sending more is not reported further until it works. */
    private static final int MAX_PER_CHANNEL = 100;

    private final Map<String, Set<String>> reported = new HashMap<>();

    /**
     * Records a problem.
     *
     * @param channel the channel id
     * @param reason the publisher's reason
     * @return true the first time this channel reports this reason since it last worked
     */
    boolean firstReport(String channel, String reason) {
        Set<String> reasons = reported.computeIfAbsent(channel, c -> new HashSet<>());
        return reasons.size() < MAX_PER_CHANNEL && reasons.add(reason);
    }

    /**
     * Forgets a channel's problems after it applied a state.
     *
     * @param channel the channel id
     */
    void channelWorks(String channel) {
        reported.remove(channel);
    }
}
