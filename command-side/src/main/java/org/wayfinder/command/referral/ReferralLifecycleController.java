package org.wayfinder.command.referral;

import static org.wayfinder.command.support.Versions.entityTag;
import static org.wayfinder.command.support.Versions.expectedVersion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.command.referral.ReferralRequests.Changed;
import org.wayfinder.command.referral.ReferralRequests.Recorded;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.AssessNeedsCommand;
import org.wayfinder.kernel.referral.CloseReferralCommand;
import org.wayfinder.kernel.referral.ConnectToActivityCommand;
import org.wayfinder.kernel.referral.CorrectAttendanceCommand;
import org.wayfinder.kernel.referral.CorrectWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.DeclineReferralCommand;
import org.wayfinder.kernel.referral.RecordAttendanceCommand;
import org.wayfinder.kernel.referral.RecordFirstContactCommand;
import org.wayfinder.kernel.referral.RecordWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.ReopenReferralCommand;
import org.wayfinder.kernel.referral.VoidAttendanceCommand;
import org.wayfinder.kernel.referral.VoidWellbeingMeasureCommand;

/**
 * The referral's lifecycle after receipt. Every change answers with the referral's new version as an
 * ETag; sending it back in If-Match makes a later change fail with 409 if someone else got there first.
 */
@RestController
@RequestMapping("/api/referrals/{referralId}")
class ReferralLifecycleController {

    private static final String IF_MATCH = "If-Match";

    private final CommandGateway commands;

    ReferralLifecycleController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/acceptance")
    ResponseEntity<Changed> accept(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ReferralRequests.Accept body) {
        return change(referralId, new AcceptReferralCommand(id(referralId), expectedVersion(ifMatch),
                body.linkWorkerId(), body.acceptedOn()));
    }

    @PostMapping("/decline")
    ResponseEntity<Changed> decline(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody ReferralRequests.Decline body) {
        return change(referralId, new DeclineReferralCommand(id(referralId), expectedVersion(ifMatch),
                body.declinedBy(), body.reason(), body.note(), body.declinedOn()));
    }

    @PostMapping("/first-contact")
    ResponseEntity<Changed> firstContact(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody ReferralRequests.FirstContact body) {
        return change(referralId, new RecordFirstContactCommand(id(referralId), expectedVersion(ifMatch),
                body.contactedOn(), body.channel()));
    }

    @PostMapping("/needs-assessments")
    ResponseEntity<Changed> assess(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ReferralRequests.NeedsAssessment body) {
        return change(referralId, new AssessNeedsCommand(id(referralId), expectedVersion(ifMatch), body.assessedOn(),
                body.needs(), body.whatMatters(), ReferralRequests.orEmpty(body.goals())));
    }

    @PostMapping("/connections")
    ResponseEntity<Changed> connect(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody ReferralRequests.Connection body) {
        return change(referralId, new ConnectToActivityCommand(id(referralId), expectedVersion(ifMatch),
                id(body.activityId()), body.connectedOn()));
    }

    @PostMapping("/attendances")
    ResponseEntity<Recorded> attend(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody ReferralRequests.Attendance body) {
        String attendanceId = body.attendanceId() == null ? newId() : id(body.attendanceId());
        long version = commands.sendAndWait(new RecordAttendanceCommand(id(referralId), expectedVersion(ifMatch),
                attendanceId, id(body.activityId()), body.sessionOn(), body.status()));
        return created(referralId, "attendances", attendanceId, version);
    }

    @PostMapping("/attendances/{attendanceId}/correction")
    ResponseEntity<Changed> correctAttendance(
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String attendanceId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReferralRequests.AttendanceCorrection body) {
        return change(referralId, new CorrectAttendanceCommand(id(referralId), expectedVersion(ifMatch),
                id(attendanceId), body.sessionOn(), body.status(), body.reason(), body.correctedOn()));
    }

    @PostMapping("/attendances/{attendanceId}/voiding")
    ResponseEntity<Changed> voidAttendance(
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String attendanceId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReferralRequests.Voiding body) {
        return change(referralId, new VoidAttendanceCommand(id(referralId), expectedVersion(ifMatch),
                id(attendanceId), body.reason(), body.voidedOn()));
    }

    @PostMapping("/wellbeing-measures")
    ResponseEntity<Recorded> measure(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody ReferralRequests.WellbeingMeasure body) {
        String measureId = body.measureId() == null ? newId() : id(body.measureId());
        long version = commands.sendAndWait(new RecordWellbeingMeasureCommand(id(referralId),
                expectedVersion(ifMatch), measureId, body.instrument(), body.timePoint(), body.measuredOn(),
                body.itemResponses(), body.onsLoneliness()));
        return created(referralId, "wellbeing-measures", measureId, version);
    }

    @PostMapping("/wellbeing-measures/{measureId}/correction")
    ResponseEntity<Changed> correctMeasure(
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String measureId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReferralRequests.WellbeingCorrection body) {
        return change(referralId, new CorrectWellbeingMeasureCommand(id(referralId), expectedVersion(ifMatch),
                id(measureId), body.itemResponses(), body.onsLoneliness(), body.reason(), body.correctedOn()));
    }

    @PostMapping("/wellbeing-measures/{measureId}/voiding")
    ResponseEntity<Changed> voidMeasure(
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
            @PathVariable @Pattern(regexp = ReferralRequests.UUID) String measureId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReferralRequests.Voiding body) {
        return change(referralId, new VoidWellbeingMeasureCommand(id(referralId), expectedVersion(ifMatch),
                id(measureId), body.reason(), body.voidedOn()));
    }

    @PostMapping("/closure")
    ResponseEntity<Changed> close(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody ReferralRequests.Closure body) {
        return change(referralId, new CloseReferralCommand(id(referralId), expectedVersion(ifMatch), body.closedOn(),
                body.outcome(), ReferralRequests.orEmpty(body.needsAddressed()), body.supportSummary(),
                body.nextSteps()));
    }

    @PostMapping("/reopening")
    ResponseEntity<Changed> reopen(@PathVariable @Pattern(regexp = ReferralRequests.UUID) String referralId,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody ReferralRequests.Reopening body) {
        return change(referralId, new ReopenReferralCommand(id(referralId), expectedVersion(ifMatch),
                body.reopenedOn(), body.reason()));
    }

    private ResponseEntity<Changed> change(String referralId, Object command) {
        long version = commands.sendAndWait(command);
        return ResponseEntity.ok().eTag(entityTag(version)).body(new Changed(id(referralId), version));
    }

    private static ResponseEntity<Recorded> created(String referralId, String collection, String id, long version) {
        return ResponseEntity.created(URI.create("/api/referrals/" + id(referralId) + "/" + collection + "/" + id))
                .eTag(entityTag(version))
                .body(new Recorded(id(referralId), id, version));
    }

    private static String id(String uuid) {
        return uuid.toLowerCase();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
