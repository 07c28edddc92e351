package org.wayfinder.query.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.query.disclosure.SuppressionPolicy;

/** {@code GET /api/dashboards}: the commissioner dashboards by principle; {@code GET /api/dashboards/{view}}: one. */
@RestController
@RequestMapping("/api/dashboards")
class DashboardController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final DashboardService dashboards;
    private final SuppressionPolicy defaultPolicy;
    private final Clock clock;

    DashboardController(DashboardService dashboards, Clock clock,
                        @Value("${wayfinder.dashboards.suppression.default:nhs-england}") String defaultPolicy) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.defaultPolicy = SuppressionPolicy.named(defaultPolicy).orElseThrow(() -> new IllegalStateException(
                "wayfinder.dashboards.suppression.default must be one of " + SuppressionPolicy.ids()));
    }

    @GetMapping
    Map<String, Object> index() {
        List<Map<String, Object>> principles = new ArrayList<>();
        for (Principle principle : Principle.values()) {
            List<Map<String, Object>> views = Arrays.stream(DashboardView.values())
                    .filter(view -> view.principle() == principle)
                    .map(view -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("view", view.id());
                        entry.put("title", view.title());
                        entry.put("definition", view.definition());
                        entry.put("href", "/api/dashboards/" + view.id());
                        entry.put("defaultBreakdown", view.defaultBreakdown().parameter());
                        entry.put("dimensions", view.dimensions().stream().map(Dimension::parameter).toList());
                        entry.put("measures", view.measures().stream().map(m -> Map.of("name", m.name(),
                                "label", m.label(), "kind", m.kind().name().toLowerCase())).toList());
                        return (Map<String, Object>) entry;
                    }).toList();
            principles.add(Map.of("principle", principle.name().toLowerCase().replace('_', '-'),
                    "title", principle.title(), "description", principle.description(), "views", views));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("principles", principles);
        index.put("suppression", Map.of("default", defaultPolicy.id(), "policies", Arrays.stream(SuppressionPolicy.values())
                .map(p -> Map.of("policy", p.id(), "rule", p.rule())).toList()));
        index.put("parameters", DashboardRequest.PARAMETERS.stream().sorted().toList());
        return index;
    }

    @GetMapping("/{view}")
    @Transactional(readOnly = true)
    ResponseEntity<?> view(@PathVariable String view, @RequestParam Map<String, String> params,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        DashboardView dashboard = DashboardView.byId(view).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is no dashboard '" + view + "'; GET /api/dashboards lists them.");
            problem.setTitle("Not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        boolean csvAccepted = accept != null && accept.contains("text/csv");
        DashboardRequest request;
        try {
            request = DashboardRequest.parse(dashboard, params, defaultPolicy, LocalDate.now(clock), csvAccepted);
        } catch (DashboardRequest.Invalid invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(Map.of("field", invalid.parameter(), "message", invalid.getMessage())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        DashboardResponse response = dashboards.view(request);
        if (request.csv()) {
            return ResponseEntity.ok().contentType(new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wayfinder-" + dashboard.id()
                            + "-" + request.from() + "-" + request.to() + ".csv\"")
                    .body(DashboardCsv.write(response));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
    }
}
