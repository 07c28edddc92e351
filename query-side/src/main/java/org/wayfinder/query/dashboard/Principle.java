package org.wayfinder.query.dashboard;

/** London's five principles of social prescribing, under which the dashboards are organised, and outcomes. */
enum Principle {
    LOCALISED_PROVISION("Localised provision", "Where referrals come from and what people need, by ICB, borough and PCN."),
    EASY_ACCESS("Easy access", "How quickly and how far people get through the journey once referred."),
    AVAILABILITY_FOR_ALL("Availability for all", "Who is reached and who drops out, by age, sex, ethnic group and deprivation."),
    SUPPORTING_THE_WORKFORCE("Supporting the workforce", "Link workers' caseloads against the safe range of 200-250 people a year."),
    VCSE_AS_EQUAL_PARTNER("The VCSE as an equal partner", "What VCSE providers are asked to do, and the capacity they offer."),
    OUTCOMES("Outcomes", "Whether people's wellbeing improved.");

    private final String title;
    private final String description;

    Principle(String title, String description) {
        this.title = title;
        this.description = description;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
