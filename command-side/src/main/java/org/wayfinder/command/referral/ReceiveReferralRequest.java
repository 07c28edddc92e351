package org.wayfinder.command.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;

/** The body of {@code POST /api/referrals}. */
record ReceiveReferralRequest(
        @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String referralId,
        @NotBlank @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String personId,
        @NotNull LocalDate referredOn,
        @NotNull ReferralSource source,
        @Pattern(regexp = ODS_PATTERN, message = "must be an ODS code (3 to 10 letters and digits)") String referrerOrganisation,
        @Pattern(regexp = ODS_PATTERN, message = "must be an ODS code (3 to 10 letters and digits)") String gpPractice,
        @Pattern(regexp = ODS_PATTERN, message = "must be an ODS code (3 to 10 letters and digits)") String pcn,
        @NotBlank @Pattern(regexp = "E09\\d{6}", message = "must be the GSS code of a London borough, such as E09000007") String boroughGssCode,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "must be a need code such as loneliness-isolation") String> needs,
        ReferralUrgency urgency) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String ODS_PATTERN = "[A-Z0-9]{3,10}";

    ReceiveReferralCommand toCommand() {
        String id = referralId == null ? UUID.randomUUID().toString() : referralId.toLowerCase();
        return new ReceiveReferralCommand(id, personId.toLowerCase(), referredOn, source,
                referrerOrganisation, gpPractice, pcn, boroughGssCode, needs, urgency);
    }
}
