package org.wayfinder.command.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.DeclineReason;
import org.wayfinder.kernel.referral.DeclinedBy;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.OnsLonelinessFrequency;
import org.wayfinder.kernel.wellbeing.TimePoint;

/** Bodies of the referral lifecycle endpoints. Shapes and sizes are checked here; rules in the aggregate. */
final class ReferralRequests {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String UUID_MESSAGE = "must be a UUID";
    static final String NEED = "[a-z][a-z0-9-]{1,49}";
    static final String NEED_MESSAGE = "must be a need code such as loneliness-isolation";

    private ReferralRequests() {
    }

    record Accept(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+",
            message = "must be an identifier of letters, digits, '.', '_', ':' or '-'") String linkWorkerId,
                  @NotNull LocalDate acceptedOn) {
    }

    record Decline(@NotNull DeclinedBy declinedBy, @NotNull DeclineReason reason, @Size(max = 2000) String note,
                   @NotNull LocalDate declinedOn) {
    }

    record FirstContact(@NotNull LocalDate contactedOn, @NotNull ContactChannel channel) {
    }

    record NeedsAssessment(@NotNull LocalDate assessedOn,
                           @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = NEED, message = NEED_MESSAGE) String> needs,
                           @Size(max = 4000) String whatMatters,
                           @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals) {
    }

    record Connection(@NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String activityId,
                      @NotNull LocalDate connectedOn) {
    }

    record Attendance(@Pattern(regexp = UUID, message = UUID_MESSAGE) String attendanceId,
                      @NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String activityId,
                      @NotNull LocalDate sessionOn, @NotNull AttendanceStatus status) {
    }

    record AttendanceCorrection(LocalDate sessionOn, @NotNull AttendanceStatus status,
                                @NotBlank @Size(max = 2000) String reason, LocalDate correctedOn) {
    }

    record Voiding(@NotBlank @Size(max = 2000) String reason, LocalDate voidedOn) {
    }

    record WellbeingMeasure(@Pattern(regexp = UUID, message = UUID_MESSAGE) String measureId,
                            @NotNull Instrument instrument, @NotNull TimePoint timePoint,
                            @NotNull LocalDate measuredOn,
                            @NotNull @Size(min = 1, max = 14) List<@NotNull Integer> itemResponses,
                            OnsLonelinessFrequency onsLoneliness) {
    }

    record WellbeingCorrection(@NotNull @Size(min = 1, max = 14) List<@NotNull Integer> itemResponses,
                               OnsLonelinessFrequency onsLoneliness,
                               @NotBlank @Size(max = 2000) String reason, LocalDate correctedOn) {
    }

    record Closure(@NotNull LocalDate closedOn, @NotNull ClosureOutcome outcome,
                   @Size(max = 20) List<@NotBlank @Pattern(regexp = NEED, message = NEED_MESSAGE) String> needsAddressed,
                   @NotBlank @Size(max = 4000) String supportSummary,
                   @Size(max = 2000) String nextSteps) {
    }

    record Reopening(@NotNull LocalDate reopenedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    /** What every accepted change answers: the referral and its new version (also sent as ETag). */
    record Changed(String referralId, long version) {
    }

    /** What recording an attendance or a measure answers. */
    record Recorded(String referralId, String id, long version) {
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
