package org.wayfinder.app.metadata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is well formed,
 * otherwise a new one), echoes it in the response, puts it in the log context, and records who is
 * acting. Until OAuth2 sign-in is in place, the actor is asserted by the caller in the
 * {@code X-Actor-Id}, {@code X-Actor-Role} and {@code X-Organisation} headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ActorAndCorrelationFilter extends OncePerRequestFilter {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String ACTOR_HEADER = "X-Actor-Id";
    static final String ROLE_HEADER = "X-Actor-Role";
    static final String ORGANISATION_HEADER = "X-Organisation";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = wellFormed(request.getHeader(CORRELATION_HEADER), UUID.randomUUID().toString());
        RequestActor actor = new RequestActor(
                wellFormed(request.getHeader(ACTOR_HEADER), "anonymous"),
                wellFormed(request.getHeader(ROLE_HEADER), "UNAUTHENTICATED"),
                wellFormed(request.getHeader(ORGANISATION_HEADER), "UNKNOWN"));
        response.setHeader(CORRELATION_HEADER, correlationId);
        RequestContext.set(new RequestContext(correlationId, actor, "api"));
        MDC.put("correlationId", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
            RequestContext.clear();
        }
    }

    private static String wellFormed(String value, String fallback) {
        return value != null && TOKEN.matcher(value).matches() ? value : fallback;
    }
}
