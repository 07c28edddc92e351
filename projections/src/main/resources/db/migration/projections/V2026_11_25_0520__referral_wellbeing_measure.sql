-- The referral-summary projection keeps each wellbeing measure as answered; scores are derived when read.
CREATE TABLE referral_wellbeing_measure (
    referral_id         VARCHAR(36) NOT NULL,
    measure_id          VARCHAR(36) NOT NULL,
    instrument          VARCHAR(20) NOT NULL,
    instrument_version  VARCHAR(40) NOT NULL,
    time_point          VARCHAR(20) NOT NULL,
    measured_on         DATE        NOT NULL,
    days_since_baseline INTEGER,
    item_responses      INTEGER[]   NOT NULL,
    ons_loneliness      VARCHAR(30),
    corrected           BOOLEAN     NOT NULL DEFAULT FALSE,
    voided              BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT referral_wellbeing_measure_pk PRIMARY KEY (referral_id, measure_id)
);
