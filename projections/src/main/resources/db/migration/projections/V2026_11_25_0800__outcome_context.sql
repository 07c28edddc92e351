-- The wellbeing-outcomes projection also keeps what evaluators compare groups by: the person's non-identifying
-- demographics, the activities a referral was connected to and each activity's category. No identity here.
CREATE TABLE outcome_person (
    person_id    VARCHAR(36) NOT NULL,
    age_band     VARCHAR(20),
    sex          VARCHAR(20),
    ethnic_group VARCHAR(20),
    imd_decile   SMALLINT,
    imd_edition  VARCHAR(10),
    CONSTRAINT outcome_person_pk PRIMARY KEY (person_id)
);

CREATE TABLE outcome_activity (
    activity_id VARCHAR(36)  NOT NULL,
    category    VARCHAR(100) NOT NULL,
    CONSTRAINT outcome_activity_pk PRIMARY KEY (activity_id)
);

CREATE TABLE outcome_referral_activity (
    referral_id  VARCHAR(36) NOT NULL,
    activity_id  VARCHAR(36) NOT NULL,
    connected_on DATE        NOT NULL,
    CONSTRAINT outcome_referral_activity_pk PRIMARY KEY (referral_id, activity_id)
);
CREATE INDEX outcome_referral_activity_activity_idx ON outcome_referral_activity (activity_id);

-- The cohort matrix and the comparisons read baselines and follow-ups by instrument and time point.
CREATE INDEX wellbeing_outcome_instrument_time_point_idx ON wellbeing_outcome (instrument, time_point, referral_id);
CREATE INDEX outcome_referral_cohort_idx ON outcome_referral (cohort_year, borough_gss_code);

-- The new tables are filled from history: empty the read model and drop its token, so the processor replays.
TRUNCATE wellbeing_outcome, outcome_referral, outcome_person_alias;
DELETE FROM token_entry WHERE processor_name = 'wellbeing-outcomes';
