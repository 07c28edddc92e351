package org.wayfinder.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.wayfinder.app.metadata.RequestContext;

/**
 * Makes writes sent with an {@code Idempotency-Key} header safe to retry. The key is claimed, the
 * command runs and the response is stored in ONE database transaction with the events: either all of
 * it commits or none of it does. A retry with the same key and the same request gets the stored
 * response (marked {@code Idempotent-Replayed: true}); the same key with a different request is
 * refused. A concurrent retry waits on PostgreSQL's unique index until the first attempt ends.
 * Only successful responses are kept: a refused request recorded nothing, so retrying it is harmless.
 * <p>
 * History uploads ({@code POST /api/imports}) are left alone: they may be gigabytes, which this filter would have to
 * hold in memory, and an import is idempotent by its rows' source keys already (posting the same files again adds
 * nothing).
 */
@Component
@Order(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String IMPORTS = "/api/imports";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IdempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/") || IMPORTS.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters; a UUID is a good choice.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        String actor = RequestContext.current().map(c -> c.actor().actorId()).orElse("anonymous");
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n", body);
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);

        Outcome outcome;
        try {
            outcome = claimRunAndStore(key, actor, hash, request, cached, captured, chain);
        } catch (org.springframework.transaction.TransactionException
                 | org.springframework.dao.DataAccessResourceFailureException unavailable) {
            response.setHeader("Retry-After", "5");
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The database is not reachable at the moment. Retry later with the same Idempotency-Key.");
            return;
        }

        if (outcome == null) {
            captured.copyBodyToResponse();
        } else {
            outcome.writeTo(response);
        }
    }

    private Outcome claimRunAndStore(String key, String actor, String hash, HttpServletRequest request,
                                     CachedBodyRequest cached, ContentCachingResponseWrapper captured,
                                     FilterChain chain) {
        return transactions.execute(status -> {
            int claimed = jdbc.update("""
                    INSERT INTO idempotent_request (idempotency_key, actor_id, method, path, request_hash)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, key, actor, request.getMethod(), request.getRequestURI(), hash);
            if (claimed == 0) {
                return replay(key, actor, hash);
            }
            try {
                chain.doFilter(cached, captured);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                jdbc.update("""
                        UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, etag = ?,
                               response_body = ? WHERE idempotency_key = ? AND actor_id = ?
                        """, captured.getStatus(), captured.getContentType(), captured.getHeader("Location"),
                        captured.getHeader("ETag"), captured.getContentAsByteArray(), key, actor);
            } else {
                status.setRollbackOnly();
            }
            return null;
        });
    }

    private Outcome replay(String key, String actor, String hash) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT request_hash, status, content_type, location, etag, response_body
                FROM idempotent_request WHERE idempotency_key = ? AND actor_id = ?
                """, key, actor);
        if (rows.isEmpty()) {
            return Outcome.problem(HttpStatus.CONFLICT, "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry shortly.");
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            return Outcome.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }
        return new Outcome((Integer) row.get("status"), (String) row.get("content_type"),
                (String) row.get("location"), (String) row.get("etag"), (byte[]) row.get("response_body"), true);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        Outcome.problem(status, title, detail).writeTo(response);
    }

    private static String sha256(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(int status, String contentType, String location, String etag, byte[] body,
                           boolean replayed) {

        static Outcome problem(HttpStatus status, String title, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            try {
                byte[] body = new ObjectMapper().writeValueAsBytes(problem);
                return new Outcome(status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, null, null, body, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            if (location != null) {
                response.setHeader("Location", location);
            }
            if (etag != null) {
                response.setHeader("ETag", etag);
            }
            if (replayed) {
                response.setHeader(REPLAYED_HEADER, "true");
            }
            if (body != null) {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }
    }

    /** The request with its body already read, so it can be hashed first and read again by MVC. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
