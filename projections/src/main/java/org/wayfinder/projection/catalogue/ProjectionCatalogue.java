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

    /**
     * One projection: its processing group, its tables (as its reset handler empties them), and the indexes of those
     * tables that only readers use. No handler looks rows up through the latter while a rebuild's build phase runs
     * (the live upkeep that does is deferred then), so a rebuild creates them once its build phase has ended instead
     * of keeping them up to date row by row.
     */
    public record Projection(String name, List<String> tables, List<String> readerIndexes) {
    }

    public static final List<Projection> ALL = List.of(
            new Projection(ReferralSummaryProjection.PROCESSING_GROUP, List.of("referral_summary",
                    "referral_connection", "referral_attendance", "referral_wellbeing_measure"),
                    List.of("referral_summary_borough_month_idx", "referral_summary_organisation_idx",
                            "referral_summary_person_idx", "referral_attendance_activity_idx")),
            new Projection(PersonDirectoryProjection.PROCESSING_GROUP, List.of("person_directory"),
                    List.of("person_directory_merged_into_idx")),
            // wellbeing_outcome_person_idx stays: a merge moves a person's outcomes by person.
            new Projection(WellbeingOutcomesProjection.PROCESSING_GROUP, List.of("wellbeing_outcome",
                    "outcome_referral", "outcome_person_alias", "outcome_person", "outcome_activity",
                    "outcome_referral_activity"),
                    List.of("wellbeing_outcome_instrument_referred_idx", "wellbeing_outcome_instrument_time_point_idx",
                            "outcome_referral_cohort_idx", "outcome_referral_activity_activity_idx")),
            // dash_referral_person_idx stays, for the same reason.
            new Projection(DashboardReferralsProjection.PROCESSING_GROUP, List.of("dash_person", "dash_referral",
                    "dash_referral_attendance", "dash_referral_wellbeing", "dash_referral_rollup", "dash_referral_wait",
                    "dash_referral_wait_year", "dash_caseload"),
                    List.of("dash_referral_bucket_idx", "dash_referral_link_worker_idx")),
            new Projection(DashboardProvidersProjection.PROCESSING_GROUP, List.of("dash_provider", "dash_activity",
                    "dash_provider_referral", "dash_provider_connection", "dash_provider_attendance",
                    "dash_provider_wellbeing", "dash_provider_rollup", "dash_activity_capacity",
                    "dash_provider_capacity", "dash_provider_outcome"),
                    List.of("dash_provider_attendance_activity_idx", "dash_provider_connection_activity_idx",
                            "dash_provider_connection_provider_idx", "dash_provider_outcome_provider_idx",
                            "dash_provider_rollup_activity_idx")));

    private ProjectionCatalogue() {
    }

    public static Optional<Projection> named(String name) {
        return ALL.stream().filter(projection -> projection.name().equals(name)).findFirst();
    }
}
