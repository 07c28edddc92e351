package org.wayfinder.query.projections;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/projections/status}: each read model's freshness and dead letters ({@link ProjectionHealth}). */
@RestController
class ProjectionStatusController {

    private final ProjectionHealth health;

    ProjectionStatusController(ProjectionHealth health) {
        this.health = health;
    }

    @GetMapping("/api/projections/status")
    ProjectionHealth.Snapshot status() {
        return health.snapshot();
    }
}
