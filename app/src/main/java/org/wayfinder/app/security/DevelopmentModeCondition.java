package org.wayfinder.app.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no identity provider is configured: Wayfinder then issues its own development tokens. */
class DevelopmentModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return blank(env.getProperty("wayfinder.security.issuer-uri"))
                && blank(env.getProperty("wayfinder.security.jwk-set-uri"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
