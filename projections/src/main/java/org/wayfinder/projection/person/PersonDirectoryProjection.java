package org.wayfinder.projection.person;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wayfinder.kernel.person.ConsentRecorded;
import org.wayfinder.kernel.person.ConsentWithdrawn;
import org.wayfinder.kernel.person.EthnicCategory;
import org.wayfinder.kernel.person.PersonDemographicsRecorded;
import org.wayfinder.kernel.person.PersonErased;
import org.wayfinder.kernel.person.PersonIdentityChanged;
import org.wayfinder.kernel.person.PersonMergedInto;
import org.wayfinder.kernel.person.PersonRegistered;
import org.wayfinder.projection.support.BatchedWrites;

/**
 * One row per person in {@code person_directory}: the encrypted identity as the events carry it, the
 * non-identifying demographics, current consents, and whether the person was merged or erased.
 * Replaying an erased person's stream clears the ciphertext again.
 */
@Component
@ProcessingGroup(PersonDirectoryProjection.PROCESSING_GROUP)
public class PersonDirectoryProjection {

    public static final String PROCESSING_GROUP = "person-directory";

    static final String UPSERT_REGISTERED = """
            INSERT INTO person_directory (person_id, key_id, nonce, ciphertext, registered_on, age_band, sex,
                                          ethnic_category, ethnic_group, imd_decile, imd_edition, borough_gss_code,
                                          recorded_at, organisation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (person_id) DO UPDATE SET
                key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
                registered_on = EXCLUDED.registered_on, age_band = EXCLUDED.age_band, sex = EXCLUDED.sex,
                ethnic_category = EXCLUDED.ethnic_category, ethnic_group = EXCLUDED.ethnic_group,
                imd_decile = EXCLUDED.imd_decile, imd_edition = EXCLUDED.imd_edition,
                borough_gss_code = EXCLUDED.borough_gss_code, recorded_at = EXCLUDED.recorded_at,
                organisation = EXCLUDED.organisation
            """;
    static final String UPDATE_IDENTITY = """
            UPDATE person_directory SET key_id = ?, nonce = ?, ciphertext = ?, age_band = ?, recorded_at = ?
            WHERE person_id = ? AND NOT erased
            """;
    static final String UPDATE_DEMOGRAPHICS = """
            UPDATE person_directory SET sex = ?, ethnic_category = ?, ethnic_group = ?, imd_decile = ?,
                                        imd_edition = ?, borough_gss_code = ?, recorded_at = ?
            WHERE person_id = ?
            """;
    static final String ADD_CONSENT = """
            UPDATE person_directory
            SET consents = CASE WHEN ? = ANY (consents) THEN consents ELSE array_append(consents, ?) END,
                recorded_at = ?
            WHERE person_id = ?
            """;
    static final String REMOVE_CONSENT = """
            UPDATE person_directory SET consents = array_remove(consents, ?), recorded_at = ? WHERE person_id = ?
            """;
    static final String MERGED = """
            UPDATE person_directory SET merged_into = ?, recorded_at = ? WHERE person_id = ?
            """;
    static final String ERASED = """
            UPDATE person_directory SET erased = TRUE, key_id = NULL, nonce = NULL, ciphertext = NULL, recorded_at = ?
            WHERE person_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public PersonDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, PROCESSING_GROUP);
    }

    @EventHandler
    void on(PersonRegistered event, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @org.axonframework.messaging.annotation.MetaDataValue(
                    org.wayfinder.kernel.metadata.EventMetadata.ORGANISATION) String organisation) {
        EthnicCategory ethnicCategory = event.ethnicCategory();
        writes.add(UPSERT_REGISTERED,
                event.personId(), event.identity().keyId(), event.identity().nonce(), event.identity().ciphertext(),
                event.registeredOn(), name(event.ageBand()), name(event.sex()), name(ethnicCategory),
                ethnicCategory == null ? null : ethnicCategory.broadGroup().name(),
                event.imdDecile(), event.imdEdition(), event.boroughGssCode(), Timestamp.from(recordedAt),
                organisation);
    }

    @EventHandler
    void on(PersonIdentityChanged event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        writes.add(UPDATE_IDENTITY, event.identity().keyId(), event.identity().nonce(), event.identity().ciphertext(),
                name(event.ageBand()), Timestamp.from(recordedAt), event.personId());
    }

    @EventHandler
    void on(PersonDemographicsRecorded event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        EthnicCategory ethnicCategory = event.ethnicCategory();
        writes.add(UPDATE_DEMOGRAPHICS, name(event.sex()), name(ethnicCategory),
                ethnicCategory == null ? null : ethnicCategory.broadGroup().name(),
                event.imdDecile(), event.imdEdition(), event.boroughGssCode(), Timestamp.from(recordedAt),
                event.personId());
    }

    @EventHandler
    void on(ConsentRecorded event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        writes.add(ADD_CONSENT, event.scope().name(), event.scope().name(), Timestamp.from(recordedAt), event.personId());
    }

    @EventHandler
    void on(ConsentWithdrawn event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        writes.add(REMOVE_CONSENT, event.scope().name(), Timestamp.from(recordedAt), event.personId());
    }

    @EventHandler
    void on(PersonMergedInto event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        writes.add(MERGED, event.survivorId(), Timestamp.from(recordedAt), event.personId());
    }

    @EventHandler
    void on(PersonErased event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        writes.add(ERASED, Timestamp.from(recordedAt), event.personId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE person_directory");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
