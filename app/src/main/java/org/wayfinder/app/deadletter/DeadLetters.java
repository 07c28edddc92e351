package org.wayfinder.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.serialization.EventFormat;

/**
 * The dead-letter queues of every processing group, for operators: what is parked and why (read from
 * {@code dead_letter_entry}), retrying a group's letters through its handlers, and evicting a sequence
 * that will never succeed. Retrying and evicting go through Axon's queue, which claims what it touches,
 * so they are safe while the processors run, on any node.
 */
@Component
public class DeadLetters {

    /** The diagnostics key where the enqueue policy counts failed retries. */
    public static final String RETRIES = "retries";

    private static final ObjectMapper JSON = EventFormat.objectMapper();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration eventProcessing;
    private final TransactionManager transactionManager;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration eventProcessing, TransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.eventProcessing = eventProcessing;
        this.transactionManager = transactionManager;
    }

    /** One parked event. The cause is the failure's type and its first line without quoted values. */
    public record Letter(String processingGroup, String sequenceIdentifier, long sequenceIndex, String eventType,
                         String eventIdentifier, Long globalIndex, String causeType, String causeMessage,
                         String enqueuedAt, String lastTouched, int retries) {
    }

    public record GroupCount(String processingGroup, long deadLetters, long sequences) {
    }

    public record Listing(List<GroupCount> processingGroups, List<Letter> deadLetters, boolean truncated) {
    }

    public record RetryOutcome(String processingGroup, int sequencesTried, int sequencesResolved,
                               long deadLettersRemaining) {
    }

    public Listing list(int limit) {
        Map<String, GroupCount> counts = new TreeMap<>();
        eventProcessing.eventProcessors().keySet().stream().filter(this::hasQueue)
                .forEach(group -> counts.put(group, new GroupCount(group, 0, 0)));
        jdbc.query("SELECT processing_group, count(*) AS letters, count(DISTINCT sequence_identifier) AS sequences "
                        + "FROM dead_letter_entry GROUP BY processing_group",
                row -> {
                    String group = row.getString("processing_group");
                    counts.put(group, new GroupCount(group, row.getLong("letters"), row.getLong("sequences")));
                });
        List<Letter> letters = jdbc.query("""
                SELECT d.processing_group, d.sequence_identifier, d.sequence_index, d.payload_type, d.event_identifier,
                       e.global_index, d.cause_type, d.cause_message, d.enqueued_at, d.last_touched, d.diagnostics
                FROM dead_letter_entry d LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                ORDER BY d.processing_group, d.enqueued_at, d.sequence_identifier, d.sequence_index
                LIMIT ?""", (row, n) -> new Letter(row.getString("processing_group"),
                row.getString("sequence_identifier"), row.getLong("sequence_index"), row.getString("payload_type"),
                row.getString("event_identifier"), (Long) row.getObject("global_index"), row.getString("cause_type"),
                row.getString("cause_message"), row.getString("enqueued_at"), row.getString("last_touched"),
                retries(row.getBytes("diagnostics"))), limit + 1);
        boolean truncated = letters.size() > limit;
        return new Listing(new ArrayList<>(counts.values()), truncated ? letters.subList(0, limit) : letters, truncated);
    }

    /**
     * Sends each parked sequence of the group through its handlers once, oldest first. A sequence that
     * fails again stays parked with its retry count raised.
     */
    public Optional<RetryOutcome> retry(String processingGroup) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = eventProcessing.deadLetterQueue(processingGroup);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                eventProcessing.sequencedDeadLetterProcessor(processingGroup);
        if (queue.isEmpty() || processor.isEmpty()) {
            return Optional.empty();
        }
        int sequences = (int) Math.min(Integer.MAX_VALUE, queue.get().amountOfSequences());
        int resolved = 0;
        for (int i = 0; i < sequences; i++) {
            if (processor.get().processAny()) {
                resolved++;
            }
        }
        return Optional.of(new RetryOutcome(processingGroup, sequences, resolved, queue.get().size()));
    }

    /** Removes every parked event of one sequence; false when the group or the sequence has none. */
    public boolean evict(String processingGroup, String sequenceIdentifier) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = eventProcessing.deadLetterQueue(processingGroup);
        if (queue.isEmpty()) {
            return false;
        }
        return transactionManager.fetchInTransaction(() -> {
            if (!queue.get().contains(sequenceIdentifier)) {
                return false;
            }
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.get().deadLetterSequence(sequenceIdentifier).forEach(letters::add);
            letters.forEach(queue.get()::evict);
            return true;
        });
    }

    public boolean hasQueue(String processingGroup) {
        return eventProcessing.deadLetterQueue(processingGroup).isPresent();
    }

    private static int retries(byte[] diagnostics) {
        if (diagnostics == null) {
            return 0;
        }
        try {
            JsonNode node = JSON.readTree(diagnostics);
            return node == null ? 0 : node.path(RETRIES).asInt(0);
        } catch (IOException unreadable) {
            return 0;
        }
    }
}
