package org.wayfinder.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.wayfinder.kernel.access.Role;

/**
 * Every endpoint is born protected: OAuth2 bearer tokens (JWT), roles from the token's role claim,
 * and an explicit rule per endpoint family; anything under /api that no rule names is denied.
 * docs/security.md holds the role by endpoint matrix, which AccessMatrixIT walks.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String LINK_WORKER = Role.LINK_WORKER.name();
    private static final String PROVIDER = Role.PROVIDER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String EVALUATOR = Role.EVALUATOR.name();
    private static final String COMMISSIONER = Role.COMMISSIONER.name();
    private static final String ADMIN = Role.ADMIN.name();
    /** Verified tokens remembered, and for how long at most (each still validated on every use). */
    private static final long REMEMBERED_TOKENS = 10_000;
    private static final java.time.Duration REMEMBERED_FOR = java.time.Duration.ofMinutes(5);

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings) throws Exception {
        ObjectMapper json = new ObjectMapper();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; frame-ancestors 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/dev/tokens").permitAll()
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/", "/dashboard/**",
                                "/webjars/echarts/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reference/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/referrals/*/attendances", "/api/referrals/*/attendances/**")
                        .hasAnyRole(LINK_WORKER, PROVIDER)
                        .requestMatchers(HttpMethod.POST, "/api/referrals", "/api/referrals/**").hasRole(LINK_WORKER)
                        .requestMatchers(HttpMethod.GET, "/api/referrals/**").hasAnyRole(LINK_WORKER, PROVIDER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/people/*/erasure").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/people", "/api/people/**").hasRole(LINK_WORKER)
                        .requestMatchers(HttpMethod.PUT, "/api/people/**").hasRole(LINK_WORKER)
                        .requestMatchers(HttpMethod.GET, "/api/people/**").hasAnyRole(LINK_WORKER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/providers").hasRole(ADMIN)
                        .requestMatchers("/api/providers/**", "/api/activities", "/api/activities/**")
                        .hasAnyRole(PROVIDER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/access-log").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/imports").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(HttpMethod.GET, "/api/outcomes/statistics", "/api/outcomes/cohorts",
                                "/api/outcomes/comparisons", "/api/outcomes/trajectory").hasRole(EVALUATOR)
                        .requestMatchers(HttpMethod.POST, "/api/exports").hasAnyRole(EVALUATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/exports/dictionary", "/api/exports/*",
                                "/api/exports/*/file").hasAnyRole(EVALUATOR, ADMIN)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/projections/checksums").hasAnyRole(EVALUATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/dashboards", "/api/dashboards/*")
                        .hasAnyRole(COMMISSIONER, EVALUATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/projections/status").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/dead-letters").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/dead-letters/*/retries").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/dead-letters/*/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/projections/rebuilds").hasAnyRole(EVALUATOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/projections/rebuilds/*", "/api/projections/rebuilds/*/events")
                        .hasAnyRole(EVALUATOR, ADMIN)
                        .requestMatchers("/api/projections/snapshots", "/api/projections/snapshots/*")
                        .hasAnyRole(EVALUATOR, ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication(settings)))
                        .authenticationEntryPoint((request, response, e) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "Not signed in",
                                "This endpoint needs a valid bearer token.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(json, response,
                                HttpStatus.UNAUTHORIZED, "Not signed in", "This endpoint needs a valid bearer token."))
                        .accessDeniedHandler((request, response, e) -> problem(json, response, HttpStatus.FORBIDDEN,
                                "Not allowed", "Your role may not use this endpoint.")));
        return http.build();
    }

    @Bean
    @Conditional(DevelopmentModeCondition.class)
    DevelopmentTokens developmentTokens(Clock clock) {
        log.warn("No identity provider configured (WAYFINDER_JWT_ISSUER_URI / WAYFINDER_JWT_JWK_SET_URI): "
                + "running in DEVELOPMENT MODE with self-issued tokens from POST /dev/tokens. Never use this in production.");
        return new DevelopmentTokens(clock);
    }

    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings, org.springframework.beans.factory.ObjectProvider<DevelopmentTokens> development) {
        NimbusJwtDecoder decoder;
        OAuth2TokenValidator<Jwt> validator;
        if (settings.developmentMode()) {
            decoder = development.getObject().decoder();
            validator = DevelopmentTokens.validator();
        } else {
            decoder = settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                    : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri());
            OAuth2TokenValidator<Jwt> defaults = settings.issuerUri() != null && !settings.issuerUri().isBlank()
                    ? JwtValidators.createDefaultWithIssuer(settings.issuerUri()) : JwtValidators.createDefault();
            validator = settings.audience() != null && !settings.audience().isBlank()
                    ? new DelegatingOAuth2TokenValidator<>(defaults, new JwtClaimValidator<List<String>>(
                            "aud", audiences -> audiences != null && audiences.contains(settings.audience())))
                    : defaults;
        }
        decoder.setJwtValidator(validator);
        return new RememberedTokens(decoder, validator, REMEMBERED_TOKENS, REMEMBERED_FOR);
    }

    private static JwtAuthenticationConverter authentication(SecuritySettings settings) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, settings.roleClaim()));
        return converter;
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt, String claim) {
        return Role.parse(jwt.getClaimAsString(claim))
                .<Collection<GrantedAuthority>>map(role -> List.of(new SimpleGrantedAuthority("ROLE_" + role.name())))
                .orElse(List.of());
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                                String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
