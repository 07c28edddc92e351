package org.wayfinder.app.axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads each projection's segments over the live nodes. Axon's tracking processors claim segments in
 * {@code token_entry} greedily: the first node up, with as many threads as segments, claims them all, and
 * Axon without Axon Server does not rebalance. Every {@code interval} this node records a heartbeat in
 * {@code processor_node}; when it holds more than its fair share of a processor's segments (segments divided
 * by live nodes, rounded up) while another live node holds fewer, it releases the surplus through Axon's
 * {@link StreamingEventProcessor#releaseSegment(int, long, TimeUnit)}, and that node's processor claims them.
 * <p>
 * It only ever gives segments away: taking over a dead node's segments is Axon's claim timeout at work, with
 * no help from here. A node is live while its heartbeat is younger than three intervals; keep that shorter
 * than the claim timeout, so a crashed node stops counting before its claims expire and its segments are
 * not released in vain.
 */
final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final Duration interval;
    private ScheduledExecutorService timer;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, String nodeId, Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balance, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            // Leaving: the others must not keep a share of segments for this node.
            jdbc.update("DELETE FROM processor_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not remove node {} from processor_node: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Stops before the event processors stop, and starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    void balance() {
        try {
            jdbc.update("""
                    INSERT INTO processor_node (node_id, last_seen) VALUES (?, now())
                    ON CONFLICT (node_id) DO UPDATE SET last_seen = now()""", nodeId);
            List<String> live = jdbc.queryForList("""
                    SELECT node_id FROM processor_node WHERE last_seen > now() - make_interval(secs => ?)""",
                    String.class, 3 * interval.toMillis() / 1000.0);
            if (live.size() < 2) {
                return;
            }
            for (StreamingEventProcessor processor : processors()) {
                balance(processor, live);
            }
        } catch (RuntimeException e) {
            log.debug("Segment balancing skipped: {}", e.getMessage());
        }
    }

    private void balance(StreamingEventProcessor processor, List<String> live) {
        if (!processor.isRunning()) {
            return;
        }
        List<Integer> mine = new ArrayList<>(processor.processingStatus().keySet());
        Map<String, Integer> held = new HashMap<>();
        live.forEach(node -> held.put(node, 0));
        int segments = 0;
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT owner, count(*) AS segments FROM token_entry WHERE processor_name = ? GROUP BY owner",
                processor.getName())) {
            int count = ((Number) row.get("segments")).intValue();
            segments += count;
            Object owner = row.get("owner");
            if (owner != null && held.containsKey(owner.toString())) {
                held.put(owner.toString(), count);
            }
        }
        int fairShare = (segments + live.size() - 1) / live.size();
        int wanted = held.entrySet().stream().filter(entry -> !entry.getKey().equals(nodeId))
                .mapToInt(entry -> Math.max(0, fairShare - entry.getValue())).sum();
        int surplus = Math.min(mine.size() - fairShare, wanted);
        mine.sort(null);
        for (int i = 0; i < surplus; i++) {
            int segment = mine.get(mine.size() - 1 - i);
            log.info("Releasing segment {} of {} to another node ({} live nodes, fair share {})", segment,
                    processor.getName(), live.size(), fairShare);
            processor.releaseSegment(segment, 2 * interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }
}
