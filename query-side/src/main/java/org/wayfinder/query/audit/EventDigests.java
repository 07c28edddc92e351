package org.wayfinder.query.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfinder.kernel.audit.DayDigest;
import org.wayfinder.kernel.audit.EventHash;

/**
 * One root hash per completed UTC day of recording time. A stored digest is never replaced: computing
 * a day again only compares, so a copy kept elsewhere can be checked against the store at any time.
 */
@Component
public class EventDigests {

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    EventDigests(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(ChainVerification.FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** A day is complete once it has ended in UTC; later days cannot be digested yet. */
    public boolean completed(LocalDate day) {
        return day.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Recomputes a day from the store as it is now. */
    public Digest compute(LocalDate day) {
        DayDigest digest = new DayDigest();
        // ISO-8601 UTC strings sort as the instants they name, so a string range is a time range.
        readOnly.executeWithoutResult(status -> streaming.query("""
                SELECT global_index, meta_data FROM domain_event_entry
                WHERE time_stamp >= ? AND time_stamp < ? ORDER BY global_index
                """, rs -> {
            digest.add(rs.getLong(1), EventHash.storedHash(rs.getBytes(2)));
        }, day.toString(), day.plusDays(1).toString()));
        return new Digest(day, digest.events(), digest.events() == 0 ? null : digest.firstGlobalIndex(),
                digest.events() == 0 ? null : digest.lastGlobalIndex(), digest.rootHash(), null);
    }

    /** Stores the day's digest unless one is stored already; returns what is stored, and whether it is new. */
    public Recorded record(LocalDate day) {
        Optional<Digest> existing = stored(day);
        if (existing.isPresent()) {
            return new Recorded(existing.get(), false);
        }
        Digest computed = compute(day);
        Instant now = clock.instant();
        try {
            jdbc.update("""
                    INSERT INTO event_digest (day, events, first_global_index, last_global_index, root_hash, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, day, computed.events(), computed.firstGlobalIndex(), computed.lastGlobalIndex(),
                    computed.rootHash(), Timestamp.from(now));
        } catch (DuplicateKeyException raced) {
            return new Recorded(stored(day).orElseThrow(), false);
        }
        return new Recorded(stored(day).orElseThrow(), true);
    }

    public Optional<Digest> stored(LocalDate day) {
        return jdbc.query("SELECT * FROM event_digest WHERE day = ?", EventDigests::row, day).stream().findFirst();
    }

    public List<Digest> between(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM event_digest WHERE day >= ? AND day <= ? ORDER BY day",
                EventDigests::row, from, to);
    }

    /** The latest stored day, to catch up from. */
    public Optional<LocalDate> latestStoredDay() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(day) FROM event_digest", LocalDate.class));
    }

    /** The UTC day of the earliest recorded event. */
    public Optional<LocalDate> firstRecordedDay() {
        String earliest = jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry ORDER BY global_index LIMIT 1", String.class);
        return Optional.ofNullable(earliest).map(ts -> LocalDate.parse(ts.substring(0, 10)));
    }

    public Check check(LocalDate day) {
        Digest recomputed = compute(day);
        Digest stored = stored(day).orElse(null);
        return new Check(day, stored, recomputed.events(), recomputed.rootHash(),
                stored == null ? null : stored.rootHash().equals(recomputed.rootHash())
                        && stored.events() == recomputed.events());
    }

    private static Digest row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Digest(rs.getObject("day", LocalDate.class), rs.getLong("events"),
                (Long) rs.getObject("first_global_index"), (Long) rs.getObject("last_global_index"),
                rs.getString("root_hash"), rs.getTimestamp("recorded_at").toInstant());
    }

    public record Digest(LocalDate day, long events, Long firstGlobalIndex, Long lastGlobalIndex, String rootHash,
                         Instant recordedAt) {
    }

    public record Recorded(Digest digest, boolean created) {
    }

    /** @param matches null when no digest is stored for the day */
    public record Check(LocalDate day, Digest stored, long events, String rootHash, Boolean matches) {
    }
}
