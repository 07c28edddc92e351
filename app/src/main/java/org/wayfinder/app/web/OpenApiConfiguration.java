package org.wayfinder.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is and how to sign in (a bearer JWT). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI wayfinderApi() {
        return new OpenAPI()
                .info(new Info().title("Wayfinder API").version("0.1.0")
                        .description("Outcome tracking for social prescribing in London: the referral journey, "
                                + "people, the VCSE directory, reference data and the access log. Every change "
                                + "answers with an ETag; send it back in If-Match to refuse lost updates. Reads of "
                                + "personal data need an X-Access-Purpose header and are logged."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
