package org.wayfinder.projection.catalogue;

import java.util.List;
import java.util.Optional;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;
import org.wayfinder.projection.outcomes.WellbeingOutcomesProjection;
import org.wayfinder.projection.person.PersonDirectoryProjection;
import org.wayfinder.projection.referral.ReferralSummaryProjection;

/** Every projection with the tables it owns: what a checksum or a rebuild of it covers. */
public final class ProjectionCatalogue {

    /** One projection: its processing group and its tables, as its reset handler empties them. */
    public record Projection(String name, List<String> tables) {
    }

    public static final List<Projection> ALL = List.of(
            new Projection(ReferralSummaryProjection.PROCESSING_GROUP, List.of("referral_summary",
                    "referral_connection", "referral_attendance", "referral_wellbeing_measure")),
            new Projection(PersonDirectoryProjection.PROCESSING_GROUP, List.of("person_directory")),
            new Projection(WellbeingOutcomesProjection.PROCESSING_GROUP, List.of("wellbeing_outcome",
                    "outcome_referral", "outcome_person_alias", "outcome_person", "outcome_activity",
                    "outcome_referral_activity")),
            new Projection(DashboardReferralsProjection.PROCESSING_GROUP, List.of("dash_person", "dash_referral",
                    "dash_referral_attendance", "dash_referral_wellbeing", "dash_referral_rollup", "dash_referral_wait",
                    "dash_referral_wait_year", "dash_caseload")),
            new Projection(DashboardProvidersProjection.PROCESSING_GROUP, List.of("dash_provider", "dash_activity",
                    "dash_provider_referral", "dash_provider_connection", "dash_provider_attendance",
                    "dash_provider_wellbeing", "dash_provider_rollup", "dash_activity_capacity",
                    "dash_provider_capacity", "dash_provider_outcome")));

    private ProjectionCatalogue() {
    }

    public static Optional<Projection> named(String name) {
        return ALL.stream().filter(projection -> projection.name().equals(name)).findFirst();
    }
}
