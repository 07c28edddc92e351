package org.wayfinder.app.support;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.wayfinder.app.security.DevelopmentTokens;
import org.wayfinder.kernel.access.Role;

/** Calls the running app's API as one signed-in user (development-mode token). */
@SuppressWarnings("rawtypes")
public final class ApiClient {

    private final TestRestTemplate http;
    private final String token;

    private ApiClient(TestRestTemplate http, String token) {
        this.http = http;
        this.token = token;
    }

    public static ApiClient as(TestRestTemplate http, DevelopmentTokens tokens, String subject, Role role,
                               String organisation) {
        return new ApiClient(http, tokens.mint(subject, role, organisation, Duration.ofMinutes(30)));
    }

    public static ApiClient anonymous(TestRestTemplate http) {
        return new ApiClient(http, null);
    }

    public ResponseEntity<Map> get(String path) {
        return exchange(HttpMethod.GET, path, null, Map.of());
    }

    public ResponseEntity<Map> get(String path, Map<String, String> headers) {
        return exchange(HttpMethod.GET, path, null, headers);
    }

    public ResponseEntity<Map> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body, Map.of());
    }

    public ResponseEntity<Map> post(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.POST, path, body, headers);
    }

    public ResponseEntity<Map> put(String path, Object body, Map<String, String> headers) {
        return exchange(HttpMethod.PUT, path, body, headers);
    }

    public ResponseEntity<Map> exchange(HttpMethod method, String path, Object body, Map<String, String> headers) {
        HttpHeaders all = new HttpHeaders();
        if (body != null) {
            all.setContentType(MediaType.APPLICATION_JSON);
        }
        if (token != null) {
            all.setBearerAuth(token);
        }
        headers.forEach(all::add);
        return http.exchange(path, method, new HttpEntity<>(body, all), Map.class);
    }

    /** Only the status: for walks over endpoints whose bodies differ in shape. */
    public int status(HttpMethod method, String path, Object body, Map<String, String> headers) {
        HttpHeaders all = new HttpHeaders();
        if (body != null) {
            all.setContentType(MediaType.APPLICATION_JSON);
        }
        if (token != null) {
            all.setBearerAuth(token);
        }
        headers.forEach(all::add);
        return http.exchange(path, method, new HttpEntity<>(body, all), String.class).getStatusCode().value();
    }

    public ResponseEntity<String> exchangeRaw(HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders all = new HttpHeaders();
        all.setContentType(type);
        if (token != null) {
            all.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, all), String.class);
    }
}
