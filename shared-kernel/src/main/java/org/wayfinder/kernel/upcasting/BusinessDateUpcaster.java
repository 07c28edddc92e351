package org.wayfinder.kernel.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;

/**
 * Revision 2 of the corrections and voidings: their business date is always there. Revision null was
 * written both before these events had a date (the first lifecycle release stored none) and after; an
 * event without one is dated by the day it was recorded, in London, which is the date Wayfinder has
 * always given a correction sent without one.
 */
public final class BusinessDateUpcaster extends SingleEventUpcaster {

    public static final String REVISION = "2";

    static final Map<String, String> DATE_FIELDS = Map.of(
            AttendanceCorrected.class.getName(), "correctedOn",
            AttendanceVoided.class.getName(), "voidedOn",
            WellbeingMeasureCorrected.class.getName(), "correctedOn",
            WellbeingMeasureVoided.class.getName(), "voidedOn");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null && DATE_FIELDS.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String field = DATE_FIELDS.get(event.getType().getName());
        String recordedOn = LocalDate.ofInstant(event.getTimestamp(), LONDON).toString();
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), REVISION), JsonNode.class,
                payload -> {
                    ObjectNode fields = (ObjectNode) payload;
                    if (!fields.hasNonNull(field)) {
                        fields.put(field, recordedOn);
                    }
                    return fields;
                });
    }
}
