package org.wayfinder.app.metadata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wayfinder.app.security.SecuritySettings;
import org.wayfinder.kernel.access.Actor;

/**
 * Runs just after sign-in: gives every request a correlation id (the caller's {@code X-Correlation-Id}
 * when it is well formed, otherwise a new one), echoes it, puts it in the log context, and records who
 * is acting, taken from the verified token: subject, role and organisation.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class ActorAndCorrelationFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final SecuritySettings settings;

    ActorAndCorrelationFilter(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = wellFormed(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
        response.setHeader(CORRELATION_HEADER, correlationId);
        RequestActor actor = actor();
        RequestContext.set(new RequestContext(correlationId, actor, "api"));
        Actor.set(new Actor(actor.actorId(), actor.role(), actor.organisation()));
        MDC.put("correlationId", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
            RequestContext.clear();
            Actor.clear();
        }
    }

    private RequestActor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new RequestActor(
                    wellFormed(jwt.getToken().getSubject(), "unknown"),
                    wellFormed(jwt.getToken().getClaimAsString(settings.roleClaim()), "NONE"),
                    wellFormed(jwt.getToken().getClaimAsString(settings.organisationClaim()), "UNKNOWN"));
        }
        return new RequestActor("anonymous", "NONE", "UNKNOWN");
    }

    private static String wellFormed(String value, String fallback) {
        return value != null && TOKEN.matcher(value).matches() ? value : fallback;
    }
}
