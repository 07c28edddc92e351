package org.wayfinder.query.audit;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.kernel.audit.EventHash;

/**
 * Recomputes every event's hash from the row as stored and compares it with the hash the row carries.
 * Each event is chained to the hash its predecessor <em>carries</em>, so one altered row is reported as
 * exactly one broken link, and a row rewritten with a fresh hash breaks its successor instead.
 */
@Component
public class ChainVerification {

    static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data";

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    ChainVerification(DataSource dataSource, PlatformTransactionManager transactions) {
        this.streaming = new JdbcTemplate(dataSource);
        // With a fetch size inside a transaction, PostgreSQL's driver reads through a cursor: bounded memory.
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Result stream(String aggregateId) {
        return verify("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", aggregateId);
    }

    public Result wholeStore() {
        return verify("SELECT " + COLUMNS + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number");
    }

    private Result verify(String sql, Object... args) {
        Walk walk = new Walk();
        readOnly.executeWithoutResult(status -> streaming.query(sql, rs -> {
            walk.accept(rs.getLong("global_index"), new EventHash.StoredEvent(rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("payload_type"),
                    rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("payload"),
                    rs.getBytes("meta_data")));
        }, args));
        return walk.result();
    }

    /** Rows arrive grouped by stream and in sequence order; only the current stream's last hash is kept. */
    static final class Walk {
        private String aggregateId;
        private String previousHash = "";
        private long verified;
        private long streams;
        private long unhashed;
        private long broken;
        private BrokenLink first;

        void accept(long globalIndex, EventHash.StoredEvent event) {
            if (!event.aggregateIdentifier().equals(aggregateId)) {
                aggregateId = event.aggregateIdentifier();
                previousHash = "";
                streams++;
            }
            EventHash.Link link = EventHash.link(event, previousHash);
            String found = link.found();
            if (found == null) {
                // Stored before hashing began: the writer chains the next event from "" too.
                unhashed++;
                previousHash = "";
                return;
            }
            if (link.intact()) {
                verified++;
            } else {
                broken++;
                if (first == null) {
                    first = new BrokenLink(aggregateId, event.sequenceNumber(), globalIndex, link.expected(), found);
                }
            }
            previousHash = found;
        }

        Result result() {
            return new Result(verified, streams, unhashed, broken, first);
        }
    }

    /**
     * @param verified        events whose hash matched
     * @param streams         streams walked
     * @param unhashed        events stored without a hash (before the chain began)
     * @param brokenLinks     events whose hash did not match
     * @param firstBrokenLink the first of those, in stream then sequence order, or null
     */
    public record Result(long verified, long streams, long unhashed, long brokenLinks, BrokenLink firstBrokenLink) {
    }

    /** @param expected the hash recomputed from the stored row; @param found the hash the row carries */
    public record BrokenLink(String aggregateId, long sequenceNumber, long globalIndex, String expected, String found) {
    }
}
