package org.wayfinder.command.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.wayfinder.kernel.directory.ActivityDetailsChanged;
import org.wayfinder.kernel.directory.ActivityLocation;
import org.wayfinder.kernel.directory.ActivityRegistered;
import org.wayfinder.kernel.directory.ActivityRetired;
import org.wayfinder.kernel.directory.ChangeActivityDetailsCommand;
import org.wayfinder.kernel.directory.ChangeProviderDetailsCommand;
import org.wayfinder.kernel.directory.ProviderDetailsChanged;
import org.wayfinder.kernel.directory.ProviderRegistered;
import org.wayfinder.kernel.directory.ProviderRetired;
import org.wayfinder.kernel.directory.RegisterActivityCommand;
import org.wayfinder.kernel.directory.RegisterProviderCommand;
import org.wayfinder.kernel.directory.RetireActivityCommand;
import org.wayfinder.kernel.directory.RetireProviderCommand;

final class DirectoryFixtures {

    static final String PROVIDER_ID = "3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f";
    static final String ACTIVITY_ID = "7e8d9c0b-1a2f-4e3d-8c7b-6a5f4e3d2c1b";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate REGISTERED_ON = TODAY.minusMonths(6);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/London"));
    static final ActivityLocation MARSHES =
            new ActivityLocation("Hackney Marshes Centre", "Homerton Road", "E9 5PF", "E09000012");
    static final String WEEKLY_ON_TUESDAYS = "FREQ=WEEKLY;BYDAY=TU";

    private DirectoryFixtures() {
    }

    static RegisterProviderCommand registerProvider() {
        return registerProvider(REGISTERED_ON, List.of("E09000012", "E09000030"));
    }

    static RegisterProviderCommand registerProvider(LocalDate registeredOn, List<String> boroughsServed) {
        return new RegisterProviderCommand(PROVIDER_ID, "Grow Together Hackney", "Community gardening.",
                "1123456", "8JK21", "https://growtogether.org.uk", "hello@growtogether.org.uk",
                boroughsServed, registeredOn);
    }

    static ProviderRegistered aProviderRegistered() {
        return new ProviderRegistered(PROVIDER_ID, "Grow Together Hackney", "Community gardening.",
                "1123456", "8JK21", "https://growtogether.org.uk", "hello@growtogether.org.uk",
                List.of("E09000012", "E09000030"), REGISTERED_ON);
    }

    static ChangeProviderDetailsCommand changeProviderDetails() {
        return changeProviderDetails(null, TODAY.minusDays(1), List.of("E09000012"));
    }

    static ChangeProviderDetailsCommand changeProviderDetails(Long expectedVersion, LocalDate changedOn,
                                                              List<String> boroughsServed) {
        return new ChangeProviderDetailsCommand(PROVIDER_ID, expectedVersion, "Grow Together", "Gardening in Hackney.",
                null, null, "https://growtogether.org.uk", null, boroughsServed, changedOn);
    }

    static ProviderDetailsChanged providerDetailsChanged() {
        return new ProviderDetailsChanged(PROVIDER_ID, "Grow Together", "Gardening in Hackney.",
                null, null, "https://growtogether.org.uk", null, List.of("E09000012"), TODAY.minusDays(1));
    }

    static RetireProviderCommand retireProvider() {
        return retireProvider(TODAY);
    }

    static RetireProviderCommand retireProvider(LocalDate retiredOn) {
        return new RetireProviderCommand(PROVIDER_ID, null, retiredOn, "Merged into Hackney Community Gardens.");
    }

    static ProviderRetired aProviderRetired() {
        return new ProviderRetired(PROVIDER_ID, TODAY, "Merged into Hackney Community Gardens.");
    }

    static RegisterActivityCommand registerActivity() {
        return registerActivity(REGISTERED_ON, WEEKLY_ON_TUESDAYS, 12, MARSHES);
    }

    static RegisterActivityCommand registerActivity(LocalDate registeredOn, String schedule, int capacity,
                                                    ActivityLocation location) {
        return new RegisterActivityCommand(ACTIVITY_ID, PROVIDER_ID, "Tuesday walk and talk", "A walk, then tea.",
                List.of("openactive:walking"), location, schedule, capacity, registeredOn);
    }

    static ActivityRegistered anActivityRegistered() {
        return new ActivityRegistered(ACTIVITY_ID, PROVIDER_ID, "Tuesday walk and talk", "A walk, then tea.",
                List.of("openactive:walking"), MARSHES, WEEKLY_ON_TUESDAYS, 12, REGISTERED_ON);
    }

    static ChangeActivityDetailsCommand changeActivityDetails() {
        return changeActivityDetails(null, TODAY.minusDays(1), "FREQ=WEEKLY;BYDAY=TU,TH", 15, MARSHES);
    }

    static ChangeActivityDetailsCommand changeActivityDetails(Long expectedVersion, LocalDate changedOn, String schedule,
                                                              int capacity, ActivityLocation location) {
        return new ChangeActivityDetailsCommand(ACTIVITY_ID, expectedVersion, "Walk and talk", "A walk, then tea.",
                List.of("openactive:walking"), location, schedule, capacity, changedOn);
    }

    static ActivityDetailsChanged activityDetailsChanged() {
        return new ActivityDetailsChanged(ACTIVITY_ID, "Walk and talk", "A walk, then tea.",
                List.of("openactive:walking"), MARSHES, "FREQ=WEEKLY;BYDAY=TU,TH", 15, TODAY.minusDays(1));
    }

    static RetireActivityCommand retireActivity() {
        return retireActivity(TODAY);
    }

    static RetireActivityCommand retireActivity(LocalDate retiredOn) {
        return new RetireActivityCommand(ACTIVITY_ID, null, retiredOn, "Funding ended.");
    }

    static ActivityRetired anActivityRetired() {
        return new ActivityRetired(ACTIVITY_ID, TODAY, "Funding ended.");
    }

    static ActivityLocation venueIn(String boroughGssCode) {
        return new ActivityLocation("Somewhere", "1 High Street", "CF10 1AA", boroughGssCode);
    }
}
