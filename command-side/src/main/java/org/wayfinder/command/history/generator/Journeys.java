package org.wayfinder.command.history.generator;

import static org.wayfinder.command.history.generator.Sampling.between;
import static org.wayfinder.command.history.generator.Sampling.chance;
import static org.wayfinder.command.history.generator.Sampling.logNormalDays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.wayfinder.kernel.referral.AttendanceStatus;
import org.wayfinder.kernel.referral.ClosureOutcome;
import org.wayfinder.kernel.referral.ContactChannel;
import org.wayfinder.kernel.referral.DeclineReason;
import org.wayfinder.kernel.referral.DeclinedBy;
import org.wayfinder.kernel.referral.Need;
import org.wayfinder.kernel.referral.ReferralSource;
import org.wayfinder.kernel.referral.ReferralUrgency;
import org.wayfinder.kernel.wellbeing.Instrument;
import org.wayfinder.kernel.wellbeing.SwemwbsScore;
import org.wayfinder.kernel.wellbeing.TimePoint;

/**
 * Plays one referral from receipt to closure and writes its rows. Every date is drawn forward from the
 * one before it, and anything after the run's last date is left out, so late referrals stay open.
 */
final class Journeys {

    /** The referral as received; the journey decides the rest. */
    record Received(String referralId, People.Person person, LocalDate referredOn, ReferralSource source,
                    String referrerOrganisation, List<Need> needs, ReferralUrgency urgency, String linkWorkerId) {
    }

    static final Weighted<ReferralSource> SOURCE = Weighted.of(List.of(ReferralSource.GP_PRACTICE,
                    ReferralSource.SELF_REFERRAL, ReferralSource.VCSE, ReferralSource.HOUSING,
                    ReferralSource.SOCIAL_CARE, ReferralSource.MENTAL_HEALTH_SERVICES,
                    ReferralSource.ACCIDENT_AND_EMERGENCY, ReferralSource.POLICE, ReferralSource.OTHER),
            60, 10, 8, 5, 5, 5, 3, 1, 3);

    static final Weighted<Need> NEED = Weighted.of(List.of(Need.LONELINESS_ISOLATION, Need.LOW_MOOD_ANXIETY,
                    Need.PHYSICAL_INACTIVITY, Need.DEBT_MONEY, Need.HOUSING, Need.LONG_TERM_CONDITION,
                    Need.BEREAVEMENT, Need.CARER_SUPPORT, Need.EMPLOYMENT, Need.FOOD, Need.DIGITAL_EXCLUSION,
                    Need.OTHER),
            30, 22, 10, 9, 7, 6, 4, 3, 3, 2, 2, 2);

    private static final Weighted<Integer> NEED_COUNT = Weighted.of(List.of(1, 2, 3), 45, 35, 20);

    private static final Weighted<ReferralUrgency> URGENCY =
            Weighted.of(java.util.Arrays.asList(ReferralUrgency.ROUTINE, ReferralUrgency.URGENT, null), 80, 5, 15);

    private static final Weighted<DeclineReason> PERSON_DECLINES = Weighted.of(List.of(DeclineReason.NOT_WANTED,
            DeclineReason.ALREADY_SUPPORTED, DeclineReason.OTHER), 60, 20, 20);

    private static final Weighted<DeclineReason> LINK_WORKER_DECLINES = Weighted.of(List.of(
            DeclineReason.NOT_APPROPRIATE, DeclineReason.UNABLE_TO_CONTACT, DeclineReason.ALREADY_SUPPORTED,
            DeclineReason.OTHER), 55, 30, 10, 5);

    private static final List<ContactChannel> CHANNELS = List.of(ContactChannel.TELEPHONE, ContactChannel.IN_PERSON,
            ContactChannel.VIDEO, ContactChannel.HOME_VISIT, ContactChannel.TEXT_MESSAGE, ContactChannel.EMAIL,
            ContactChannel.OTHER);
    private static final Weighted<ContactChannel> CHANNEL = Weighted.of(CHANNELS, 50, 28, 5, 7, 5, 3, 2);
    private static final Weighted<ContactChannel> CHANNEL_IN_LOCKDOWN = Weighted.of(CHANNELS, 70, 5, 15, 2, 5, 2, 1);
    // England's first lockdown to the end of most legal restrictions ("freedom day").
    private static final LocalDate LOCKDOWN_FROM = LocalDate.of(2020, 3, 23);
    private static final LocalDate LOCKDOWN_TO = LocalDate.of(2021, 7, 19);

    private static final Weighted<ClosureOutcome> ENGAGED_OUTCOME = Weighted.of(List.of(ClosureOutcome.COMPLETED,
                    ClosureOutcome.DISENGAGED, ClosureOutcome.REFERRED_ELSEWHERE, ClosureOutcome.DECLINED_SUPPORT,
                    ClosureOutcome.MOVED_AWAY, ClosureOutcome.DIED, ClosureOutcome.OTHER),
            64, 16, 8, 5, 3, 1, 3);

    private static final Weighted<ClosureOutcome> UNASSESSED_OUTCOME = Weighted.of(List.of(
            ClosureOutcome.DISENGAGED, ClosureOutcome.DECLINED_SUPPORT, ClosureOutcome.MOVED_AWAY,
            ClosureOutcome.OTHER), 70, 20, 5, 5);

    private final RandomGenerator random;
    private final HistoryFiles files;
    private final Directory directory;
    private final Keys keys;
    private final LocalDate last;

    Journeys(RandomGenerator random, HistoryFiles files, Directory directory, Keys keys, LocalDate last) {
        this.random = random;
        this.files = files;
        this.directory = directory;
        this.keys = keys;
        this.last = last;
    }

    List<Need> needsFor(ReferralSource source) {
        List<Need> needs = new ArrayList<>(3);
        switch (source) {
            case HOUSING -> needs.add(Need.HOUSING);
            case MENTAL_HEALTH_SERVICES -> needs.add(Need.LOW_MOOD_ANXIETY);
            case SOCIAL_CARE -> {
                if (chance(random, 0.4)) {
                    needs.add(Need.CARER_SUPPORT);
                }
            }
            default -> {
            }
        }
        int count = NEED_COUNT.pick(random);
        while (needs.size() < count) {
            Need need = NEED.pick(random);
            if (!needs.contains(need)) {
                needs.add(need);
            }
        }
        return needs;
    }

    ReferralUrgency urgency() {
        return URGENCY.pick(random);
    }

    void play(Received referral) {
        Row row = new Row(referral);
        if (chance(random, 0.15)) {
            decline(row);
        } else {
            support(row);
        }
        row.write();
    }

    private void decline(Row row) {
        LocalDate referredOn = row.referral.referredOn();
        if (chance(random, 0.7)) {
            row.declinedBy = DeclinedBy.PERSON;
            row.declineReason = PERSON_DECLINES.pick(random);
            if (chance(random, 0.5)) {
                // Accepted, then declined when the link worker first spoke to them.
                row.acceptedOn = upTo(weekday(referredOn.plusDays(logNormalDays(random, 2, 0.9, 30))));
                row.firstContactOn = row.acceptedOn == null ? null
                        : upTo(weekday(row.acceptedOn.plusDays(logNormalDays(random, 6, 0.8, 90))));
                row.channel = row.firstContactOn == null ? null : channelOn(row.firstContactOn);
                row.declinedOn = row.firstContactOn;
            } else {
                row.declinedOn = upTo(weekday(referredOn.plusDays(logNormalDays(random, 5, 0.8, 60))));
            }
        } else {
            row.declinedBy = DeclinedBy.LINK_WORKER;
            row.declineReason = LINK_WORKER_DECLINES.pick(random);
            int days = row.declineReason == DeclineReason.UNABLE_TO_CONTACT ? between(random, 21, 42)
                    : logNormalDays(random, 4, 0.8, 60);
            row.declinedOn = upTo(weekday(referredOn.plusDays(days)));
        }
        if (row.declinedOn == null) {
            row.declinedBy = null;
            row.declineReason = null;
        }
    }

    private void support(Row row) {
        Received referral = row.referral;
        LocalDate referredOn = referral.referredOn();
        row.acceptedOn = upTo(weekday(referredOn.plusDays(logNormalDays(random, 2, 0.9, 30))));
        if (row.acceptedOn == null) {
            return;
        }
        // 15% of all referrals are never reached: 0.15 / 0.85 of those not declined.
        if (chance(random, 0.1765)) {
            row.close(weekday(row.acceptedOn.plusDays(between(random, 28, 70))), ClosureOutcome.DISENGAGED);
            return;
        }
        LocalDate contact = weekday(referredOn.plusDays(logNormalDays(random, 10, 0.85, 180)));
        row.firstContactOn = upTo(contact.isBefore(row.acceptedOn) ? row.acceptedOn : contact);
        if (row.firstContactOn == null) {
            return;
        }
        row.channel = channelOn(row.firstContactOn);
        if (!chance(random, 0.93)) {
            row.close(weekday(row.firstContactOn.plusDays(between(random, 21, 60))), UNASSESSED_OUTCOME.pick(random));
            return;
        }
        row.assessedOn = upTo(chance(random, 0.5) ? row.firstContactOn
                : weekday(row.firstContactOn.plusDays(logNormalDays(random, 7, 0.7, 60))));
        if (row.assessedOn == null) {
            return;
        }
        row.assessedNeeds = reassess(referral.needs());
        ClosureOutcome outcome = ENGAGED_OUTCOME.pick(random);
        boolean disengaged = outcome == ClosureOutcome.DISENGAGED;
        int supportDays = Math.max(14, logNormalDays(random, 84, 0.5, 365));
        LocalDate closing = weekday(row.assessedOn.plusDays(disengaged ? supportDays / 2 : supportDays));

        boolean measured = chance(random, 0.85);
        Baselines baselines = measured ? baselines(row) : null;

        boolean connected = chance(random, 0.85);
        if (connected) {
            closing = connect(row, disengaged, closing);
        }
        if (baselines != null) {
            double followUpChance = connected ? (disengaged ? 0.15 : 0.48) : 0.22;
            if (chance(random, followUpChance)) {
                LocalDate followUpOn = row.assessedOn.plusDays(between(random, 56, 112));
                if (closing.isBefore(followUpOn)) {
                    closing = weekday(followUpOn);
                }
                followUps(row, baselines, followUpOn);
            }
        }
        row.close(closing, outcome);
    }

    private List<Need> reassess(List<Need> referred) {
        List<Need> assessed = new ArrayList<>(referred);
        if (chance(random, 0.3)) {
            Need extra = NEED.pick(random);
            if (!assessed.contains(extra)) {
                assessed.add(extra);
            }
        } else if (assessed.size() > 1 && chance(random, 0.1)) {
            assessed.remove(assessed.size() - 1);
        }
        return assessed;
    }

    private LocalDate connect(Row row, boolean disengaged, LocalDate closing) {
        int count = chance(random, 0.6) ? 1 : 2;
        LocalDate connectedOn = row.assessedOn.plusDays(logNormalDays(random, 10, 0.7, 120));
        if (!connectedOn.isBefore(closing)) {
            closing = weekday(connectedOn.plusDays(between(random, 28, 84)));
        }
        List<Directory.Activity> chosen = new ArrayList<>(2);
        double attendChance = Math.max(0.1, Math.min(0.98, Sampling.normal(random, 0.737, 0.15)));
        for (int i = 0; i < count; i++) {
            LocalDate on = i == 0 ? connectedOn : connectedOn.plusDays(between(random, 0, 21));
            if (on.isAfter(last) || !on.isBefore(closing)) {
                break;
            }
            Directory.Activity activity = directory.suggest(random, row.referral.person().borough(),
                    row.assessedNeeds, on, chosen);
            if (activity == null) {
                continue;
            }
            chosen.add(activity);
            files.write(ImportFile.CONNECTIONS, keys.next("connection"), row.referral.referralId(), activity.id(), on);
            attend(row, activity, on, closing, disengaged, attendChance);
        }
        return closing;
    }

    private void attend(Row row, Directory.Activity activity, LocalDate connectedOn, LocalDate closing,
                        boolean disengaged, double attendChance) {
        int sessions = disengaged ? between(random, 1, 4) : between(random, 3, 14);
        LocalDate session = activity.firstSessionFrom(connectedOn.plusDays(1));
        for (int i = 0; i < sessions && !session.isAfter(last) && session.isBefore(closing); i++) {
            AttendanceStatus status;
            if (chance(random, 0.05)) {
                status = AttendanceStatus.CANCELLED_BY_PROVIDER;
            } else if (chance(random, attendChance)) {
                status = AttendanceStatus.ATTENDED;
            } else {
                status = chance(random, 0.8) ? AttendanceStatus.DID_NOT_ATTEND : AttendanceStatus.CANCELLED_BY_PERSON;
            }
            files.write(ImportFile.ATTENDANCES, keys.next("attendance"), Sampling.uuid(random).toString(),
                    row.referral.referralId(), activity.id(), session, status);
            session = session.plusWeeks(1);
        }
    }

    /** The baseline scores drawn, kept so that follow-ups move from them. */
    private record Baselines(Instrument main, double mainScore, int[] ons4, int ucla3Total) {
    }

    private Baselines baselines(Row row) {
        LocalDate on = row.assessedOn;
        String referralId = row.referral.referralId();
        boolean wemwbs = London.WEMWBS_BOROUGHS.contains(row.referral.person().borough().borough());
        double score;
        if (wemwbs) {
            score = Sampling.normal(random, 41, 8);
            measure(referralId, Instrument.WEMWBS, TimePoint.BASELINE, on, WellbeingResponses.wemwbs(random, score),
                    null);
        } else {
            int[] items = WellbeingResponses.swemwbs(random, Sampling.normal(random, 19.5, 4));
            score = SwemwbsScore.metricHundredths(sum(items)) / 100.0;
            measure(referralId, Instrument.SWEMWBS, TimePoint.BASELINE, on, items, null);
        }
        int[] ons4 = null;
        if (chance(random, 0.3)) {
            ons4 = WellbeingResponses.ons4(random, 0);
            measure(referralId, Instrument.ONS4, TimePoint.BASELINE, on, ons4, null);
        }
        int ucla3 = 0;
        boolean lonely = row.assessedNeeds.contains(Need.LONELINESS_ISOLATION);
        if (chance(random, lonely ? 0.5 : 0.1)) {
            int[] items = WellbeingResponses.ucla3(random, Sampling.normal(random, lonely ? 6.8 : 5.2, 1.6));
            ucla3 = sum(items);
            measure(referralId, Instrument.UCLA3, TimePoint.BASELINE, on, items,
                    chance(random, 0.9) ? WellbeingResponses.onsLoneliness(random, ucla3) : null);
        }
        return new Baselines(wemwbs ? Instrument.WEMWBS : Instrument.SWEMWBS, score, ons4, ucla3);
    }

    private void followUps(Row row, Baselines baselines, LocalDate on) {
        if (on.isAfter(last)) {
            return;
        }
        String referralId = row.referral.referralId();
        // Change regresses towards the mean: those who start lowest gain most.
        if (baselines.main() == Instrument.WEMWBS) {
            double change = Sampling.normal(random, 4 + 0.2 * (41 - baselines.mainScore()), 7);
            measure(referralId, Instrument.WEMWBS, TimePoint.FOLLOW_UP, on,
                    WellbeingResponses.wemwbs(random, baselines.mainScore() + change), null);
        } else {
            double change = Sampling.normal(random, 2 + 0.2 * (19.5 - baselines.mainScore()), 3.3);
            measure(referralId, Instrument.SWEMWBS, TimePoint.FOLLOW_UP, on,
                    WellbeingResponses.swemwbs(random, baselines.mainScore() + change), null);
        }
        if (baselines.ons4() != null && chance(random, 0.9)) {
            int[] items = new int[4];
            for (int i = 0; i < 4; i++) {
                double shift = i == 3 ? -0.8 : 0.8;
                items[i] = Sampling.clamp(Math.round(baselines.ons4()[i] + Sampling.normal(random, shift, 1.8)), 0, 10);
            }
            measure(referralId, Instrument.ONS4, TimePoint.FOLLOW_UP, on, items, null);
        }
        if (baselines.ucla3Total() > 0 && chance(random, 0.9)) {
            int[] items = WellbeingResponses.ucla3(random,
                    baselines.ucla3Total() - Sampling.normal(random, 0.7, 1.3));
            measure(referralId, Instrument.UCLA3, TimePoint.FOLLOW_UP, on, items,
                    chance(random, 0.9) ? WellbeingResponses.onsLoneliness(random, sum(items)) : null);
        }
    }

    private void measure(String referralId, Instrument instrument, TimePoint timePoint, LocalDate on, int[] items,
                         Enum<?> onsLoneliness) {
        StringBuilder responses = new StringBuilder(items.length * 3);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                responses.append(ImportFile.LIST_SEPARATOR);
            }
            responses.append(items[i]);
        }
        files.write(ImportFile.WELLBEING, keys.next("measure"), Sampling.uuid(random).toString(), referralId,
                instrument, timePoint, on, responses, onsLoneliness);
    }

    private ContactChannel channelOn(LocalDate date) {
        boolean lockdown = !date.isBefore(LOCKDOWN_FROM) && !date.isAfter(LOCKDOWN_TO);
        return (lockdown ? CHANNEL_IN_LOCKDOWN : CHANNEL).pick(random);
    }

    private LocalDate upTo(LocalDate date) {
        return date.isAfter(last) ? null : date;
    }

    /** Link workers work weekdays: a weekend date moves to the Monday. */
    static LocalDate weekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY ? date.plusDays(2) : day == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }

    private static int sum(int[] items) {
        int total = 0;
        for (int item : items) {
            total += item;
        }
        return total;
    }

    static String codes(List<Need> needs) {
        return needs.stream().map(Need::code).collect(Collectors.joining(ImportFile.LIST_SEPARATOR));
    }

    /** The referrals.csv row, filled in as the journey goes. */
    private final class Row {
        private final Received referral;
        private LocalDate acceptedOn;
        private LocalDate declinedOn;
        private DeclinedBy declinedBy;
        private DeclineReason declineReason;
        private LocalDate firstContactOn;
        private ContactChannel channel;
        private LocalDate assessedOn;
        private List<Need> assessedNeeds;
        private LocalDate closedOn;
        private ClosureOutcome outcome;

        Row(Received referral) {
            this.referral = referral;
        }

        void close(LocalDate on, ClosureOutcome closedWith) {
            if (!on.isAfter(last)) {
                closedOn = on;
                outcome = closedWith;
            }
        }

        void write() {
            People.Person person = referral.person();
            Organisations.Practice practice = person.practice();
            files.write(ImportFile.REFERRALS, keys.next("referral"), referral.referralId(), person.id(),
                    referral.referredOn(), referral.source(), referral.referrerOrganisation(), practice.code(),
                    practice.pcn(), person.borough().gssCode(), codes(referral.needs()), referral.urgency(),
                    acceptedOn, acceptedOn == null ? null : referral.linkWorkerId(), declinedOn, declinedBy, declineReason,
                    firstContactOn, channel, assessedOn, assessedNeeds == null ? null : codes(assessedNeeds),
                    closedOn, outcome);
        }
    }
}
