package org.wayfinder.query.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    @Test
    void corrections_voidings_merges_and_erasures_are_named_as_such() {
        assertEquals("correction", AuditTrail.kind("AttendanceCorrected"));
        assertEquals("voiding", AuditTrail.kind("WellbeingMeasureVoided"));
        assertEquals("merge", AuditTrail.kind("PersonMergedInto"));
        assertEquals("erasure", AuditTrail.kind("PersonErased"));
        assertEquals("fact", AuditTrail.kind("ReferralReceived"));
    }

    @Test
    void a_correction_is_dated_when_it_was_made_not_when_the_session_was() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("correctedOn", "2026-02-03");
        fields.put("sessionOn", "2026-01-10");
        assertEquals(LocalDate.of(2026, 2, 3), AuditTrail.businessDate(fields));
        assertEquals(LocalDate.of(2026, 1, 10), AuditTrail.businessDate(Map.of("sessionOn", "2026-01-10")));
        assertNull(AuditTrail.businessDate(Map.of("referralId", "r-1", "basedOn", "not a date")));
    }
}
