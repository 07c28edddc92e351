package org.wayfinder.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from. In production, set the identity provider's issuer (NHS CIS2, Entra ID) or
 * its JWK set URL. With neither, Wayfinder runs in development mode: it signs its own tokens with a key
 * made at start-up and offers {@code POST /dev/tokens}, which does not exist otherwise.
 */
@ConfigurationProperties("wayfinder.security")
public record SecuritySettings(String issuerUri, String jwkSetUri, String audience,
                               @DefaultValue("role") String roleClaim,
                               @DefaultValue("org") String organisationClaim) {

    boolean developmentMode() {
        return blank(issuerUri) && blank(jwkSetUri);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
