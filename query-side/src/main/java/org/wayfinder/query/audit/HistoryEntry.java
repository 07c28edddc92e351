package org.wayfinder.query.audit;

import java.time.LocalDate;
import java.util.Map;

/**
 * One stored event as an auditor reads it: the fact (payload as stored), when it happened and when it
 * was recorded, who recorded it on whose behalf, what caused it, and its link in the hash chain.
 *
 * @param kind         fact, correction, voiding, merge or erasure
 * @param reason       the event's own reason field, when it has one
 * @param businessDate the event's own date, when it has one
 * @param recordedAt   Axon's timestamp, the exact string stored
 */
public record HistoryEntry(long globalIndex, String aggregateId, long sequenceNumber, String eventId, String type,
                           String payloadType, String payloadRevision, String kind, String reason,
                           LocalDate businessDate, String recordedAt, String actorId, String actorRole,
                           String organisation, String source, String correlationId, String causationId, String hash,
                           Map<String, Object> fields) {
}
