package org.wayfinder.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static final String PAYLOAD = "{\"acceptedOn\":\"2026-01-02\",\"referralId\":\"r-1\"}";
    private static final String META = "{\"actorId\":\"lw-1\",\"correlationId\":\"c-1\"}";

    private static EventHash.StoredEvent event(String payload, String metaData) {
        return new EventHash.StoredEvent("r-1", 1, "e-1", "org.wayfinder.kernel.referral.ReferralAccepted", null,
                "2026-11-25T03:23:32.616Z", bytes(payload), bytes(metaData));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_canonical_form_is_each_field_length_prefixed_in_the_documented_order() throws Exception {
        byte[] form = EventHash.canonicalForm(event(PAYLOAD, META), "ab");
        StringBuilder expected = new StringBuilder();
        for (String field : new String[] {"r-1", "1", "e-1", "org.wayfinder.kernel.referral.ReferralAccepted", "",
                "2026-11-25T03:23:32.616Z", PAYLOAD, META, "ab"}) {
            expected.append(HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4).putInt(field.length()).array()))
                    .append(HexFormat.of().formatHex(bytes(field)));
        }
        assertThat(HexFormat.of().formatHex(form)).isEqualTo(expected.toString());
        assertThat(EventHash.of(event(PAYLOAD, META), "ab"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form)));
    }

    @Test
    void the_hash_key_and_metadata_key_order_do_not_change_the_hash() {
        String withHash = "{\"hash\":\"00ff\",\"correlationId\":\"c-1\",\"actorId\":\"lw-1\"}";
        assertThat(EventHash.of(event(PAYLOAD, withHash), "")).isEqualTo(EventHash.of(event(PAYLOAD, META), ""));
        assertThat(new String(EventHash.canonicalMetaData(bytes(withHash)), StandardCharsets.UTF_8)).isEqualTo(META);
    }

    @Test
    void a_changed_payload_byte_or_previous_hash_changes_the_hash() {
        String original = EventHash.of(event(PAYLOAD, META), "");
        assertThat(EventHash.of(event(PAYLOAD.replace("02", "03"), META), "")).isNotEqualTo(original);
        assertThat(EventHash.of(event(PAYLOAD, META), "00")).isNotEqualTo(original);
        assertThat(EventHash.of(event(PAYLOAD, META.replace("lw-1", "lw-2")), "")).isNotEqualTo(original);
        assertThat(original).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void field_boundaries_cannot_be_shifted_between_fields() {
        EventHash.StoredEvent a = new EventHash.StoredEvent("ab", 0, "c", "t", null, "ts", bytes("{}"), null);
        EventHash.StoredEvent b = new EventHash.StoredEvent("a", 0, "bc", "t", null, "ts", bytes("{}"), null);
        assertThat(EventHash.of(a, "")).isNotEqualTo(EventHash.of(b, ""));
    }

    @Test
    void a_link_compares_the_recomputed_hash_with_the_one_the_row_carries() {
        String hash = EventHash.of(event(PAYLOAD, META), "prev");
        String stored = "{\"hash\":\"" + hash + "\",\"correlationId\":\"c-1\",\"actorId\":\"lw-1\"}";
        EventHash.Link intact = EventHash.link(event(PAYLOAD, stored), "prev");
        assertThat(intact.intact()).isTrue();
        assertThat(intact.found()).isEqualTo(hash);
        EventHash.Link broken = EventHash.link(event(PAYLOAD.replace("r-1", "r-2"), stored), "prev");
        assertThat(broken.intact()).isFalse();
        assertThat(broken.found()).isEqualTo(hash);
        assertThat(EventHash.link(event(PAYLOAD, META), "").found()).isNull();
    }

    @Test
    void the_stored_hash_is_read_from_metadata() {
        assertThat(EventHash.storedHash(bytes("{\"hash\":\"abc\",\"actorId\":\"x\"}"))).isEqualTo("abc");
        assertThat(EventHash.storedHash(bytes(META))).isNull();
        assertThat(EventHash.storedHash(null)).isNull();
    }

    @Test
    void a_day_digest_is_sha256_over_hashes_each_followed_by_a_line_feed() throws Exception {
        DayDigest digest = new DayDigest();
        digest.add(7, "aa");
        digest.add(9, "bb");
        assertThat(digest.events()).isEqualTo(2);
        assertThat(digest.firstGlobalIndex()).isEqualTo(7);
        assertThat(digest.lastGlobalIndex()).isEqualTo(9);
        assertThat(digest.rootHash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(bytes("aa\nbb\n"))));
    }
}
