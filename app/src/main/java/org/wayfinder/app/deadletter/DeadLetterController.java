package org.wayfinder.app.deadletter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dead-letter queues, for administrators: list, retry a group, evict a sequence (docs/operations.md). */
@RestController
class DeadLetterController {

    static final String GROUP = "[a-z0-9][a-z0-9.-]{0,99}";
    static final String SEQUENCE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,254}";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/dead-letters")
    DeadLetters.Listing list(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(limit);
    }

    @PostMapping("/api/dead-letters/{processingGroup}/retries")
    DeadLetters.RetryOutcome retry(@PathVariable @Pattern(regexp = GROUP) String processingGroup) {
        return deadLetters.retry(processingGroup).orElseThrow(() -> unknownGroup(processingGroup));
    }

    @DeleteMapping("/api/dead-letters/{processingGroup}/{sequenceIdentifier}")
    ResponseEntity<Void> evict(@PathVariable @Pattern(regexp = GROUP) String processingGroup,
                               @PathVariable @Pattern(regexp = SEQUENCE) String sequenceIdentifier) {
        if (!deadLetters.hasQueue(processingGroup)) {
            throw unknownGroup(processingGroup);
        }
        if (!deadLetters.evict(processingGroup, sequenceIdentifier)) {
            throw notFound("Dead letters not found", "Processing group " + processingGroup
                    + " has no dead letters in sequence " + sequenceIdentifier + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException unknownGroup(String processingGroup) {
        return notFound("Processing group not found", "No processing group " + processingGroup + " is known.");
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
