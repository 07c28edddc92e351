package org.wayfinder.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.access.Role;

/** {@code POST /dev/tokens}: exists only in development mode, so the Quick start needs no identity provider. */
@RestController
@Conditional(DevelopmentModeCondition.class)
class DevelopmentTokenController {

    private final DevelopmentTokens tokens;

    DevelopmentTokenController(DevelopmentTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/dev/tokens")
    Token mint(@Valid @RequestBody TokenRequest request) {
        int minutes = request.minutes() == null ? 60 : request.minutes();
        return new Token(tokens.mint(request.subject(), request.role(), request.organisation(),
                Duration.ofMinutes(minutes)), "Bearer", minutes * 60L);
    }

    record TokenRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
            message = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'") String subject,
                        @NotNull Role role,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,36}",
                                message = "must be an ODS code, or a provider id for providers") String organisation,
                        @Min(1) @Max(1440) Integer minutes) {
    }

    record Token(String accessToken, String tokenType, long expiresIn) {
    }
}
