package org.wayfinder.command.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.wayfinder.kernel.metadata.EventMetadata;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.AssessNeedsCommand;
import org.wayfinder.kernel.referral.AttendanceCorrected;
import org.wayfinder.kernel.referral.AttendanceRecorded;
import org.wayfinder.kernel.referral.AttendanceVoided;
import org.wayfinder.kernel.referral.CloseReferralCommand;
import org.wayfinder.kernel.referral.ConnectToActivityCommand;
import org.wayfinder.kernel.referral.ConnectedToActivity;
import org.wayfinder.kernel.referral.CorrectAttendanceCommand;
import org.wayfinder.kernel.referral.CorrectWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.DeclineReferralCommand;
import org.wayfinder.kernel.referral.FirstContactMade;
import org.wayfinder.kernel.referral.NeedsAssessed;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.RecordAttendanceCommand;
import org.wayfinder.kernel.referral.RecordFirstContactCommand;
import org.wayfinder.kernel.referral.RecordWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.ReferralAccepted;
import org.wayfinder.kernel.referral.ReferralClosed;
import org.wayfinder.kernel.referral.ReferralCodes;
import org.wayfinder.kernel.referral.ReferralDeclined;
import org.wayfinder.kernel.referral.ReferralReceived;
import org.wayfinder.kernel.referral.ReferralReopened;
import org.wayfinder.kernel.referral.ReopenReferralCommand;
import org.wayfinder.kernel.referral.VoidAttendanceCommand;
import org.wayfinder.kernel.referral.VoidWellbeingMeasureCommand;
import org.wayfinder.kernel.referral.WellbeingMeasureCorrected;
import org.wayfinder.kernel.referral.WellbeingMeasureVoided;
import org.wayfinder.kernel.referral.WellbeingMeasured;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.TimePoint;

/**
 * A person's referral to a social prescribing link worker, from receipt to closure. Every lifecycle
 * rule lives here, in {@link ReferralPolicies}; command handlers return the aggregate's version so the
 * API can hand it out as an ETag.
 */
public class Referral {

    enum Stage { RECEIVED, ACCEPTED, DECLINED, CLOSED }

    @AggregateIdentifier
    private String referralId;
    private long version = -1;
    private LocalDate referredOn;
    private Stage stage;
    private Stage stageBeforeClosure;
    private boolean contacted;
    private String owningOrganisation;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, Attendance> attendances = new HashMap<>();
    private final Map<String, Measure> measures = new HashMap<>();
    private final Map<Instrument, String> baselines = new EnumMap<>(Instrument.class);

    record Measure(Instrument instrument, TimePoint timePoint, LocalDate measuredOn) {
    }

    record Connection(String providerId, LocalDate connectedOn) {
    }

    record Attendance(String activityId, LocalDate sessionOn) {
    }

    protected Referral() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Referral(ReceiveReferralCommand command, Clock clock) {
        ReferralPolicies.dateIsNotInTheFuture("referredOn", command.referredOn(), clock);
        ReferralPolicies.boroughIsInLondon(command.boroughGssCode());
        ReferralPolicies.needsAreKnown(command.needs());
        apply(new ReferralReceived(command.referralId(), command.personId(), command.referredOn(), command.source(),
                command.referrerOrganisation(), command.gpPractice(), command.pcn(), command.boroughGssCode(),
                command.needs(), command.urgency()));
    }

    /**
     * Link workers act only on their own organisation's referrals; providers only record attendance at
     * their own activities. Imports and administrators act as the system.
     */
    @CommandHandlerInterceptor
    Object actorMayActOnThisReferral(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        AccessPolicies.actorMayAct(command, owningOrganisation, connections, attendances);
        return chain.proceed();
    }

    @CommandHandler
    long handle(AcceptReferralCommand command, Clock clock) {
        businessDate("acceptedOn", command.acceptedOn(), clock);
        ReferralPolicies.requireStage(stage, "accept", Stage.RECEIVED);
        apply(new ReferralAccepted(referralId, command.linkWorkerId(), command.acceptedOn(),
                ReferralCodes.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING));
        return version;
    }

    @CommandHandler
    long handle(DeclineReferralCommand command, Clock clock) {
        businessDate("declinedOn", command.declinedOn(), clock);
        ReferralPolicies.requireStage(stage, "decline", Stage.RECEIVED, Stage.ACCEPTED);
        apply(new ReferralDeclined(referralId, command.declinedBy(), command.reason(), command.note(),
                command.declinedOn(), ReferralCodes.SNOMED_SOCIAL_PRESCRIBING_DECLINED));
        return version;
    }

    @CommandHandler
    long handle(RecordFirstContactCommand command, Clock clock) {
        businessDate("contactedOn", command.contactedOn(), clock);
        ReferralPolicies.requireStage(stage, "record first contact on", Stage.RECEIVED, Stage.ACCEPTED);
        ReferralPolicies.firstContactHappensOnce(contacted);
        apply(new FirstContactMade(referralId, command.contactedOn(), command.channel()));
        return version;
    }

    @CommandHandler
    long handle(AssessNeedsCommand command, Clock clock) {
        businessDate("assessedOn", command.assessedOn(), clock);
        ReferralPolicies.requireStage(stage, "assess needs on", Stage.ACCEPTED);
        ReferralPolicies.needsAreKnown(command.needs());
        apply(new NeedsAssessed(referralId, command.assessedOn(), command.needs(), command.whatMatters(),
                command.goals()));
        return version;
    }

    @CommandHandler
    long handle(ConnectToActivityCommand command, Clock clock, ActivityCatalogue catalogue) {
        businessDate("connectedOn", command.connectedOn(), clock);
        ReferralPolicies.requireStage(stage, "connect", Stage.ACCEPTED);
        ReferralPolicies.notConnectedTwice(connections, command.activityId());
        String providerId = catalogue.activeProviderOf(command.activityId())
                .orElseThrow(() -> ReferralPolicies.violation("activity-not-available",
                        "Activity " + command.activityId() + " is not in the directory or has been retired."));
        apply(new ConnectedToActivity(referralId, command.activityId(), providerId, command.connectedOn()));
        return version;
    }

    @CommandHandler
    long handle(RecordAttendanceCommand command, Clock clock) {
        businessDate("sessionOn", command.sessionOn(), clock);
        ReferralPolicies.requireStage(stage, "record attendance on", Stage.ACCEPTED);
        ReferralPolicies.attendanceIsAtAConnectedActivity(connections, command.activityId(), command.sessionOn());
        ReferralPolicies.idIsNew("attendance", attendances.containsKey(command.attendanceId()), command.attendanceId());
        apply(new AttendanceRecorded(referralId, command.attendanceId(), command.activityId(), command.sessionOn(),
                command.status()));
        return version;
    }

    @CommandHandler
    long handle(CorrectAttendanceCommand command, Clock clock) {
        Attendance attendance = ReferralPolicies.known("attendance", attendances, command.attendanceId());
        LocalDate corrected = command.sessionOn() == null ? attendance.sessionOn() : command.sessionOn();
        businessDate("sessionOn", corrected, clock);
        LocalDate correctedOn = dayOf(command.correctedOn(), clock);
        businessDate("correctedOn", correctedOn, clock);
        ReferralPolicies.reasonIsGiven(command.reason());
        apply(new AttendanceCorrected(referralId, command.attendanceId(), corrected, command.status(),
                command.reason(), correctedOn));
        return version;
    }

    @CommandHandler
    long handle(VoidAttendanceCommand command, Clock clock) {
        ReferralPolicies.known("attendance", attendances, command.attendanceId());
        LocalDate voidedOn = dayOf(command.voidedOn(), clock);
        businessDate("voidedOn", voidedOn, clock);
        ReferralPolicies.reasonIsGiven(command.reason());
        apply(new AttendanceVoided(referralId, command.attendanceId(), command.reason(), voidedOn));
        return version;
    }

    @CommandHandler
    long handle(RecordWellbeingMeasureCommand command, Clock clock) {
        businessDate("measuredOn", command.measuredOn(), clock);
        ReferralPolicies.requireStage(stage, "record a wellbeing measure on", Stage.RECEIVED, Stage.ACCEPTED);
        ReferralPolicies.idIsNew("measure", measures.containsKey(command.measureId()), command.measureId());
        WellbeingPolicies.responsesAreScoreable(command.instrument(), command.itemResponses());
        Integer daysSinceBaseline = null;
        String baselineId = baselines.get(command.instrument());
        if (command.timePoint() == TimePoint.BASELINE) {
            WellbeingPolicies.oneBaselinePerInstrument(command.instrument(), baselineId);
        } else if (baselineId != null) {
            LocalDate baselineOn = measures.get(baselineId).measuredOn();
            WellbeingPolicies.notBeforeBaseline(command.measuredOn(), baselineOn);
            daysSinceBaseline = (int) ChronoUnit.DAYS.between(baselineOn, command.measuredOn());
        }
        apply(new WellbeingMeasured(referralId, command.measureId(), command.instrument(),
                command.instrument().version(), command.timePoint(), command.measuredOn(), daysSinceBaseline,
                command.itemResponses(), command.onsLoneliness()));
        return version;
    }

    @CommandHandler
    long handle(CorrectWellbeingMeasureCommand command, Clock clock) {
        Measure measure = ReferralPolicies.known("measure", measures, command.measureId());
        LocalDate correctedOn = dayOf(command.correctedOn(), clock);
        businessDate("correctedOn", correctedOn, clock);
        ReferralPolicies.reasonIsGiven(command.reason());
        WellbeingPolicies.responsesAreScoreable(measure.instrument(), command.itemResponses());
        apply(new WellbeingMeasureCorrected(referralId, command.measureId(), command.itemResponses(),
                command.onsLoneliness(), command.reason(), correctedOn));
        return version;
    }

    @CommandHandler
    long handle(VoidWellbeingMeasureCommand command, Clock clock) {
        ReferralPolicies.known("measure", measures, command.measureId());
        LocalDate voidedOn = dayOf(command.voidedOn(), clock);
        businessDate("voidedOn", voidedOn, clock);
        ReferralPolicies.reasonIsGiven(command.reason());
        apply(new WellbeingMeasureVoided(referralId, command.measureId(), command.reason(), voidedOn));
        return version;
    }

    @CommandHandler
    long handle(CloseReferralCommand command, Clock clock) {
        businessDate("closedOn", command.closedOn(), clock);
        ReferralPolicies.requireStage(stage, "close", Stage.RECEIVED, Stage.ACCEPTED);
        ReferralPolicies.needsAreKnown(command.needsAddressed());
        apply(new ReferralClosed(referralId, command.closedOn(), command.outcome(), command.needsAddressed(),
                new ArrayList<>(connections.keySet()), command.supportSummary(), command.nextSteps()));
        return version;
    }

    @CommandHandler
    long handle(ReopenReferralCommand command, Clock clock) {
        businessDate("reopenedOn", command.reopenedOn(), clock);
        ReferralPolicies.requireStage(stage, "reopen", Stage.CLOSED, Stage.DECLINED);
        ReferralPolicies.reasonIsGiven(command.reason());
        apply(new ReferralReopened(referralId, command.reopenedOn(), command.reason()));
        return version;
    }

    /** A correction's business date: the given one, or today when the caller gives none. */
    private static LocalDate dayOf(LocalDate given, Clock clock) {
        return given == null ? LocalDate.now(clock) : given;
    }

    private void businessDate(String field, LocalDate date, Clock clock) {
        ReferralPolicies.dateIsNotInTheFuture(field, date, clock);
        ReferralPolicies.dateIsNotBeforeReferral(field, date, referredOn);
    }

    @EventSourcingHandler
    void on(ReferralReceived event, @MetaDataValue(EventMetadata.ORGANISATION) String organisation) {
        referralId = event.referralId();
        owningOrganisation = organisation;
        referredOn = event.referredOn();
        stage = Stage.RECEIVED;
        version++;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        stage = Stage.ACCEPTED;
        version++;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        stageBeforeClosure = stage;
        stage = Stage.DECLINED;
        version++;
    }

    @EventSourcingHandler
    void on(FirstContactMade event) {
        contacted = true;
        version++;
    }

    @EventSourcingHandler
    void on(NeedsAssessed event) {
        version++;
    }

    @EventSourcingHandler
    void on(ConnectedToActivity event) {
        connections.put(event.activityId(), new Connection(event.providerId(), event.connectedOn()));
        version++;
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendances.put(event.attendanceId(), new Attendance(event.activityId(), event.sessionOn()));
        version++;
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        attendances.computeIfPresent(event.attendanceId(),
                (id, attendance) -> new Attendance(attendance.activityId(), event.sessionOn()));
        version++;
    }

    @EventSourcingHandler
    void on(AttendanceVoided event) {
        attendances.remove(event.attendanceId());
        version++;
    }

    @EventSourcingHandler
    void on(WellbeingMeasured event) {
        measures.put(event.measureId(), new Measure(event.instrument(), event.timePoint(), event.measuredOn()));
        if (event.timePoint() == TimePoint.BASELINE) {
            baselines.put(event.instrument(), event.measureId());
        }
        version++;
    }

    @EventSourcingHandler
    void on(WellbeingMeasureCorrected event) {
        version++;
    }

    @EventSourcingHandler
    void on(WellbeingMeasureVoided event) {
        Measure voided = measures.remove(event.measureId());
        if (voided != null && event.measureId().equals(baselines.get(voided.instrument()))) {
            baselines.remove(voided.instrument());
        }
        version++;
    }

    @EventSourcingHandler
    void on(ReferralClosed event) {
        stageBeforeClosure = stage;
        stage = Stage.CLOSED;
        version++;
    }

    @EventSourcingHandler
    void on(ReferralReopened event) {
        stage = stageBeforeClosure == null ? Stage.RECEIVED : stageBeforeClosure;
        if (stage == Stage.DECLINED) {
            stage = Stage.RECEIVED;
        }
        version++;
    }
}
