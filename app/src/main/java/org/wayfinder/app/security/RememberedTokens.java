package org.wayfinder.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified, by their exact text, so that a client sending the same bearer token with
 * every request has its signature checked once, not on every request (the check was a tenth of a command's CPU).
 * A remembered token is validated again on every use (expiry, issuer, audience), and refused like any other once it
 * fails; a token of other text, however similar, is verified in full. At most {@code maximum} tokens are remembered,
 * each for at most {@code remembered}.
 */
final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    RememberedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximum, Duration remembered) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(remembered).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return known;
            }
            // No longer valid: the verifier refuses it with its own reasons.
            verified.invalidate(token);
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
