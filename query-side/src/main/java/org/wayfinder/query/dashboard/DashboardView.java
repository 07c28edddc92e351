package org.wayfinder.query.dashboard;

import static org.wayfinder.query.dashboard.Dimension.AGE_BAND;
import static org.wayfinder.query.dashboard.Dimension.BOROUGH;
import static org.wayfinder.query.dashboard.Dimension.ETHNIC_GROUP;
import static org.wayfinder.query.dashboard.Dimension.ICB;
import static org.wayfinder.query.dashboard.Dimension.IMD_DECILE;
import static org.wayfinder.query.dashboard.Dimension.IMD_QUINTILE;
import static org.wayfinder.query.dashboard.Dimension.NEED;
import static org.wayfinder.query.dashboard.Dimension.PCN;
import static org.wayfinder.query.dashboard.Dimension.PROVIDER;
import static org.wayfinder.query.dashboard.Dimension.SEX;
import static org.wayfinder.query.dashboard.Dimension.SOURCE;
import static org.wayfinder.query.dashboard.Dimension.TIME;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wayfinder.projection.dashboard.DashboardProvidersProjection;
import org.wayfinder.projection.dashboard.DashboardReferralsProjection;

/** Every commissioner dashboard: what it shows, under which principle, and what it can be filtered by. */
enum DashboardView {

    VOLUMES("volumes", "Referrals and people supported", Principle.LOCALISED_PROVISION, Source.REFERRALS, TIME,
            "Referrals received in the period (by referral date), how many were accepted and declined, and people "
                    + "supported: distinct people with an accepted referral, counted once per financial year.",
            List.of(Measure.count("received", "Referrals received"), Measure.count("accepted", "Accepted"),
                    Measure.count("declined", "Declined"), Measure.count("peopleSupported", "People supported"))),
    NEEDS("needs", "Needs named on referrals", Principle.LOCALISED_PROVISION, Source.REFERRALS, NEED,
            "Referrals received by each need named on the referral (a referral with several needs counts under "
                    + "each), with the share of all referrals received that name it.",
            List.of(Measure.count("received", "Referrals naming the need"),
                    Measure.shareOfTotal("shareOfReferrals", "Share of referrals", "received"))),
    SOURCES("sources", "Where referrals come from", Principle.EASY_ACCESS, Source.REFERRALS, SOURCE,
            "Referrals received by who referred, with each source's share of all referrals received.",
            List.of(Measure.count("received", "Referrals received"),
                    Measure.shareOfTotal("shareOfReferrals", "Share of referrals", "received"))),
    FUNNEL("funnel", "From referral to completion", Principle.EASY_ACCESS, Source.REFERRALS, TIME,
            "Of the referrals received in the period: how many had a first contact, a needs assessment, a "
                    + "connection to an activity, at least one session attended, and a closure as completed; each "
                    + "rate is the stage over the stage before it, and the overall rate completed over received.",
            List.of(Measure.count("received", "Received"), Measure.count("contacted", "Contacted"),
                    Measure.count("assessed", "Assessed"), Measure.count("connected", "Connected"),
                    Measure.count("attended", "Attended at least once"), Measure.count("completed", "Completed"),
                    Measure.share("contactedRate", "Contacted of received", "contacted", "received"),
                    Measure.share("assessedRate", "Assessed of contacted", "assessed", "contacted"),
                    Measure.share("connectedRate", "Connected of assessed", "connected", "assessed"),
                    Measure.share("attendedRate", "Attended of connected", "attended", "connected"),
                    Measure.share("completedRate", "Completed of attended", "completed", "attended"),
                    Measure.share("overallRate", "Completed of received", "completed", "received"))),
    WAITS("waits", "Waits", Principle.EASY_ACCESS, Source.REFERRALS, TIME,
            "Days from referral to first contact and to the first session attended, for the referrals received in "
                    + "the period that got that far: median and 90th percentile (nearest rank), with n.",
            List.of(Measure.count("firstContactReferrals", "Referrals contacted"),
                    Measure.statistic("firstContactMedianDays", "Median days to first contact", "firstContactReferrals"),
                    Measure.statistic("firstContactP90Days", "90th percentile days to first contact", "firstContactReferrals"),
                    Measure.count("firstActivityReferrals", "Referrals attending an activity"),
                    Measure.statistic("firstActivityMedianDays", "Median days to first activity", "firstActivityReferrals"),
                    Measure.statistic("firstActivityP90Days", "90th percentile days to first activity", "firstActivityReferrals"))),
    EQUITY("equity", "Who is reached", Principle.AVAILABILITY_FOR_ALL, Source.REFERRALS, ETHNIC_GROUP,
            "Referrals received, accepted, attending at least once and completed, by an equity dimension (age "
                    + "band, sex, ethnic group, IMD quintile or decile; ethnic group unless breakdown says otherwise).",
            List.of(Measure.count("received", "Received"), Measure.count("accepted", "Accepted"),
                    Measure.count("attended", "Attended at least once"), Measure.count("completed", "Completed"),
                    Measure.share("acceptedRate", "Accepted of received", "accepted", "received"),
                    Measure.share("attendedRate", "Attended of received", "attended", "received"),
                    Measure.share("completedRate", "Completed of received", "completed", "received"))),
    ATTENDANCE("attendance", "Attendance and did-not-attend", Principle.VCSE_AS_EQUAL_PARTNER, Source.REFERRALS, TIME,
            "Sessions attended and missed (did not attend) by the people referred in the period; rates are over "
                    + "sessions attended plus missed (cancellations are not counted).",
            List.of(Measure.count("sessionsAttended", "Sessions attended"),
                    Measure.count("sessionsMissed", "Sessions missed"),
                    Measure.share("attendanceRate", "Attendance rate", "sessionsAttended", "sessionsRecorded"),
                    Measure.share("dnaRate", "Did-not-attend rate", "sessionsMissed", "sessionsRecorded"))),
    PROVIDERS("providers", "Each VCSE provider", Principle.VCSE_AS_EQUAL_PARTNER, Source.PROVIDERS, PROVIDER,
            "For each VCSE provider: people connected to its activities in the period (by connection date), "
                    + "sessions attended and missed (by session date), by the referral's borough; and the wellbeing "
                    + "of the referrals it served (by the month of their first connection to it): with a SWEMWBS "
                    + "baseline, with a follow-up 56-112 days later, and improved by at least 1.03 points.",
            List.of(Measure.count("connections", "Connections"), Measure.count("sessionsAttended", "Sessions attended"),
                    Measure.count("sessionsMissed", "Sessions missed"),
                    Measure.share("attendanceRate", "Attendance rate", "sessionsAttended", "sessionsRecorded"),
                    Measure.count("peopleWithBaseline", "Referrals with a baseline"),
                    Measure.count("matchedPeople", "With a matched follow-up"),
                    Measure.count("improved", "Improved meaningfully"),
                    Measure.share("improvedShare", "Share improved", "improved", "matchedPeople"))),
    UTILISATION("utilisation", "Activity utilisation against capacity", Principle.VCSE_AS_EQUAL_PARTNER,
            Source.CAPACITY, TIME,
            "Sessions that ran (a date with attendance recorded, provider cancellations excluded), the places they "
                    + "offered (sessions times capacity per session) and the share of places taken by referred people.",
            List.of(Measure.count("sessions", "Sessions"), Measure.count("places", "Places offered"),
                    Measure.count("sessionsAttended", "Places taken"),
                    Measure.share("utilisation", "Utilisation", "sessionsAttended", "places"))),
    CASELOADS("caseloads", "Link-worker caseloads", Principle.SUPPORTING_THE_WORKFORCE, Source.CASELOADS, TIME,
            "Link workers by the number of distinct people whose referral they accepted in the financial year, "
                    + "against the safe range of 200-250 a year; geography is each link worker's main borough.",
            List.of(Measure.count("linkWorkers", "Link workers"), Measure.count("belowSafeRange", "Under 200"),
                    Measure.count("withinSafeRange", "200 to 250"), Measure.count("aboveSafeRange", "Over 250"),
                    Measure.statistic("medianCaseload", "Median caseload", "linkWorkers"))),
    WELLBEING("wellbeing", "Wellbeing headline", Principle.OUTCOMES, Source.REFERRALS, TIME,
            "Of the people referred in the period with a SWEMWBS baseline, those with a follow-up or exit measure "
                    + "56-112 days after it, and the share whose metric score rose by at least 1.03 points (1 SEM, "
                    + "Shah et al. 2018). Each person counts once per financial year, on their first referral of "
                    + "the year with a baseline (one with a matched follow-up first).",
            List.of(Measure.count("peopleWithBaseline", "People with a baseline"),
                    Measure.count("matchedPeople", "People with a matched follow-up"),
                    Measure.count("improved", "Improved meaningfully"),
                    Measure.share("improvedShare", "Share improved", "improved", "matchedPeople")));

    /** The read model a view is built from. */
    enum Source {
        REFERRALS(DashboardReferralsProjection.PROCESSING_GROUP,
                EnumSet.of(TIME, ICB, BOROUGH, PCN, SOURCE, NEED, AGE_BAND, SEX, ETHNIC_GROUP, IMD_QUINTILE, IMD_DECILE)),
        PROVIDERS(DashboardProvidersProjection.PROCESSING_GROUP, EnumSet.of(TIME, ICB, BOROUGH, PROVIDER)),
        CAPACITY(DashboardProvidersProjection.PROCESSING_GROUP, EnumSet.of(TIME, PROVIDER)),
        CASELOADS(DashboardReferralsProjection.PROCESSING_GROUP, EnumSet.of(TIME, ICB, BOROUGH));

        private final String processingGroup;
        private final Set<Dimension> dimensions;

        Source(String processingGroup, Set<Dimension> dimensions) {
            this.processingGroup = processingGroup;
            this.dimensions = dimensions;
        }

        String processingGroup() {
            return processingGroup;
        }

        Set<Dimension> dimensions() {
            return dimensions;
        }
    }

    private final String id;
    private final String title;
    private final Principle principle;
    private final Source source;
    private final Dimension defaultBreakdown;
    private final String definition;
    private final List<Measure> measures;

    DashboardView(String id, String title, Principle principle, Source source, Dimension defaultBreakdown,
                  String definition, List<Measure> measures) {
        this.id = id;
        this.title = title;
        this.principle = principle;
        this.source = source;
        this.defaultBreakdown = defaultBreakdown;
        this.definition = definition;
        this.measures = measures;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    Principle principle() {
        return principle;
    }

    Source source() {
        return source;
    }

    Dimension defaultBreakdown() {
        return defaultBreakdown;
    }

    String definition() {
        return definition;
    }

    List<Measure> measures() {
        return measures;
    }

    /** The dimensions this view can be filtered and broken down by. */
    Set<Dimension> dimensions() {
        return source.dimensions();
    }

    static Optional<DashboardView> byId(String id) {
        return Arrays.stream(values()).filter(view -> view.id.equals(id)).findFirst();
    }

    /** One figure a view shows. */
    record Measure(String name, String label, Kind kind, String numerator, String denominator) {

        enum Kind { COUNT, SHARE, SHARE_OF_TOTAL, STATISTIC }

        static Measure count(String name, String label) {
            return new Measure(name, label, Kind.COUNT, name, null);
        }

        static Measure share(String name, String label, String numerator, String denominator) {
            return new Measure(name, label, Kind.SHARE, numerator, denominator);
        }

        static Measure shareOfTotal(String name, String label, String numerator) {
            return new Measure(name, label, Kind.SHARE_OF_TOTAL, numerator, numerator);
        }

        /** A median or percentile over {@code people} people (or link workers). */
        static Measure statistic(String name, String label, String people) {
            return new Measure(name, label, Kind.STATISTIC, name, people);
        }
    }
}
