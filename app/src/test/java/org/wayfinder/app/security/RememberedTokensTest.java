package org.wayfinder.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.wayfinder.kernel.access.Role;

class RememberedTokensTest {

    private final Instant minted = Instant.parse("2026-12-07T09:00:00Z");
    private final DevelopmentTokens tokens = new DevelopmentTokens(Clock.fixed(minted, ZoneOffset.UTC));
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    private final OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
            new JwtIssuerValidator(DevelopmentTokens.ISSUER), timestamps);
    private final AtomicInteger verified = new AtomicInteger();
    private final RememberedTokens decoder = new RememberedTokens(counting(), validator, 100, Duration.ofMinutes(5));

    @Test
    void a_token_is_verified_once_and_then_recognised_by_its_text() {
        at(minted.plusSeconds(10));
        String token = tokens.mint("lw-1", Role.LINK_WORKER, "F84003", Duration.ofHours(1));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(verified).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("lw-1");
    }

    @Test
    void a_remembered_token_is_refused_once_it_has_expired() {
        at(minted.plusSeconds(10));
        String token = tokens.mint("lw-1", Role.LINK_WORKER, "F84003", Duration.ofMinutes(1));
        decoder.decode(token);

        at(minted.plusSeconds(120));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified).hasValue(2);
    }

    @Test
    void a_token_of_other_text_is_verified_in_full_and_a_forged_one_refused() {
        at(minted.plusSeconds(10));
        String token = tokens.mint("lw-1", Role.LINK_WORKER, "F84003", Duration.ofHours(1));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> decoder.decode(otherSignature)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(otherSignature)).isInstanceOf(BadJwtException.class);
        assertThat(verified).hasValue(3);
    }

    private void at(Instant now) {
        timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The development decoder, checking this test's validator, counting the tokens it is asked to verify. */
    private JwtDecoder counting() {
        NimbusJwtDecoder nimbus = tokens.decoder();
        nimbus.setJwtValidator(validator);
        return token -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        };
    }
}
