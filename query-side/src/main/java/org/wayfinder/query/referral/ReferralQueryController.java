package org.wayfinder.query.referral;

import org.springframework.web.bind.annotation.RequestParam;
import org.wayfinder.projection.referral.ReferralSummaryProjection;
import org.wayfinder.query.projections.SnapshotReads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.access.AccessDenied;
import org.wayfinder.kernel.access.Actor;
import org.wayfinder.kernel.access.Role;
import org.wayfinder.query.audit.AccessLog;
import org.wayfinder.query.audit.AccessPurpose;

/**
 * A referral's detail is personal data: every read states its purpose and is logged, and link workers
 * and providers see only their own organisation's referrals.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralQueryController {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ReferralSummaryRepository referrals;
    private final AccessLog accessLog;
    private final SnapshotReads snapshots;

    ReferralQueryController(ReferralSummaryRepository referrals, AccessLog accessLog, SnapshotReads snapshots) {
        this.referrals = referrals;
        this.accessLog = accessLog;
        this.snapshots = snapshots;
    }

    @GetMapping("/{referralId}")
    ResponseEntity<ReferralSummary> referral(@PathVariable String referralId,
                                             @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false)
                                             String purposeHeader,
                                             @RequestParam(required = false) String asOf) {
        ReferralSummary summary = read(referralId, purposeHeader, asOf == null ? "read" : "read-as-of", asOf);
        return ResponseEntity.ok().eTag("\"" + summary.version() + "\"").body(summary);
    }

    @GetMapping("/{referralId}/attendances/{attendanceId}")
    ReferralSummary.Session attendance(@PathVariable String referralId, @PathVariable String attendanceId,
                                       @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false)
                                       String purposeHeader) {
        return read(referralId, purposeHeader, "read-attendance", null).sessions().stream()
                .filter(session -> session.attendanceId().equalsIgnoreCase(attendanceId)).findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Attendance not found",
                        "No attendance with id " + attendanceId + " is recorded on this referral."));
    }

    @GetMapping("/{referralId}/wellbeing-measures/{measureId}")
    ReferralSummary.WellbeingMeasure measure(@PathVariable String referralId, @PathVariable String measureId,
                                             @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false)
                                             String purposeHeader) {
        return read(referralId, purposeHeader, "read-wellbeing-measure", null).wellbeingMeasures().stream()
                .filter(measure -> measure.measureId().equalsIgnoreCase(measureId)).findFirst()
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Wellbeing measure not found",
                        "No wellbeing measure with id " + measureId + " is recorded on this referral."));
    }

    private ReferralSummary read(String referralId, String purposeHeader, String action, String asOf) {
        if (!referralId.matches(UUID_PATTERN)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid referral id", "'referralId' must be a UUID.");
        }
        AccessPurpose purpose = accessLog.purpose(purposeHeader);
        String id = referralId.toLowerCase();
        ReferralSummary summary = snapshots.read(asOf, ReferralSummaryProjection.PROCESSING_GROUP,
                () -> referrals.findById(id)).orElse(null);
        if (summary == null) {
            accessLog.record(purpose, "referral", id, action, "not-found");
            throw problem(HttpStatus.NOT_FOUND, "Referral not found", "No referral with id " + id + " is known.");
        }
        if (!mayRead(summary)) {
            accessLog.record(purpose, "referral", id, action, "refused");
            throw new AccessDenied("This referral belongs to another organisation.");
        }
        accessLog.record(purpose, "referral", id, action, "disclosed");
        return summary;
    }

    private boolean mayRead(ReferralSummary summary) {
        Actor actor = Actor.current().orElse(null);
        if (actor == null) {
            return false;
        }
        if (actor.is(Role.LINK_WORKER)) {
            return summary.organisation() == null || summary.organisation().equals(actor.organisation());
        }
        if (actor.is(Role.PROVIDER)) {
            return summary.connections().stream().anyMatch(c -> c.providerId().equals(actor.organisation()));
        }
        return actor.is(Role.AUDITOR);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
