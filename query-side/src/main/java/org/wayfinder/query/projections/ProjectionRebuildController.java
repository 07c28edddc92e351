package org.wayfinder.query.projections;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wayfinder.projection.rebuild.ProjectionRebuilds;
import org.wayfinder.projection.rebuild.RebuildStatus;

/**
 * Rebuilds of projections for evaluators and administrators: {@code POST /api/projections/rebuilds} starts one,
 * {@code GET .../{id}} reports its progress and {@code GET .../{id}/events} streams it as server-sent events.
 */
@RestController
@RequestMapping("/api/projections/rebuilds")
class ProjectionRebuildController {

    /** Selects every projection. */
    static final String ALL = "all";
    private static final Duration SSE_PERIOD = Duration.ofMillis(500);
    private static final Duration SSE_TIMEOUT = Duration.ofHours(6);

    private final ProjectionRebuilds rebuilds;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rebuild-progress-events");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** The projections to rebuild, by name, or {@code ["all"]}. */
    record RebuildRequest(@NotEmpty List<@NotBlank String> projections) {
    }

    @PostMapping
    ResponseEntity<RebuildStatus> start(@Valid @RequestBody RebuildRequest request, Principal principal) {
        List<String> names = request.projections().contains(ALL) ? rebuilds.projections() : request.projections();
        try {
            RebuildStatus status = rebuilds.start(names, principal == null ? null : principal.getName());
            return ResponseEntity.accepted().location(URI.create("/api/projections/rebuilds/" + status.id()))
                    .body(status);
        } catch (ProjectionRebuilds.UnknownProjection unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage()
                    + " Known: " + String.join(", ", rebuilds.projections()) + ", or all.");
            problem.setTitle("Unknown projection");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        } catch (ProjectionRebuilds.RebuildAlreadyRunning running) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
            problem.setTitle("Rebuild already running");
            if (running.running() != null) {
                problem.setProperty("running", "/api/projections/rebuilds/" + running.running());
            }
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
    }

    @GetMapping("/{rebuildId}")
    RebuildStatus status(@PathVariable UUID rebuildId) {
        return rebuilds.status(rebuildId).orElseThrow(() -> notFound(rebuildId));
    }

    /** Sends the status as a {@code progress} event twice a second, and a last one when the rebuild ends. */
    @GetMapping(path = "/{rebuildId}/events")
    SseEmitter events(@PathVariable UUID rebuildId) {
        rebuilds.status(rebuildId).orElseThrow(() -> notFound(rebuildId));
        SseEmitter emitter = new SseEmitter(SSE_TIMEOUT.toMillis());
        AtomicReference<ScheduledFuture<?>> schedule = new AtomicReference<>();
        schedule.set(ticker.scheduleAtFixedRate(() -> {
            try {
                RebuildStatus status = rebuilds.status(rebuildId).orElseThrow();
                emitter.send(SseEmitter.event().name(status.finished() ? status.state() : "progress")
                        .id(Long.toString(status.eventsProcessed())).data(status));
                if (status.finished()) {
                    emitter.complete();
                    cancel(schedule);
                }
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
                cancel(schedule);
            }
        }, 0, SSE_PERIOD.toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> cancel(schedule));
        emitter.onTimeout(() -> cancel(schedule));
        emitter.onError(e -> cancel(schedule));
        return emitter;
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> schedule) {
        ScheduledFuture<?> future = schedule.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    private static ErrorResponseException notFound(UUID rebuildId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No rebuild " + rebuildId + ".");
        problem.setTitle("Unknown rebuild");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
