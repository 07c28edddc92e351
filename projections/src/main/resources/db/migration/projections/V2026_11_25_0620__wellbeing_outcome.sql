-- The wellbeing-outcomes projection: one row per wellbeing measure, scored, with the referral's context as
-- received, so evaluators can match baselines to follow-ups per person without touching referral_summary.

-- The referral context each measure copies; the projection's own, so it replays without other projections.
CREATE TABLE outcome_referral (
    referral_id           VARCHAR(36) NOT NULL,
    person_id             VARCHAR(36) NOT NULL,
    referred_on           DATE        NOT NULL,
    cohort_year           INTEGER     NOT NULL,
    cohort_quarter        INTEGER     NOT NULL,
    cohort_financial_year VARCHAR(7)  NOT NULL,
    borough_gss_code      VARCHAR(9),
    source                VARCHAR(40) NOT NULL,
    needs                 TEXT[]      NOT NULL,
    CONSTRAINT outcome_referral_pk PRIMARY KEY (referral_id)
);

-- Merged duplicates, each pointing at its final survivor (chains are collapsed when they form).
CREATE TABLE outcome_person_alias (
    person_id   VARCHAR(36) NOT NULL,
    survivor_id VARCHAR(36) NOT NULL,
    merged_on   DATE,
    CONSTRAINT outcome_person_alias_pk PRIMARY KEY (person_id)
);

CREATE TABLE wellbeing_outcome (
    referral_id               VARCHAR(36) NOT NULL,
    measure_id                VARCHAR(36) NOT NULL,
    person_id                 VARCHAR(36) NOT NULL,
    referral_person_id        VARCHAR(36) NOT NULL,
    instrument                VARCHAR(20) NOT NULL,
    instrument_version        VARCHAR(40) NOT NULL,
    time_point                VARCHAR(20) NOT NULL,
    measured_on               DATE        NOT NULL,
    days_since_baseline       INTEGER,
    score_hundredths          INTEGER,
    swemwbs_raw               INTEGER,
    swemwbs_metric_hundredths INTEGER,
    wemwbs_total              INTEGER,
    ons_life_satisfaction     INTEGER,
    ons_worthwhile            INTEGER,
    ons_happiness             INTEGER,
    ons_anxiety               INTEGER,
    ucla3_total               INTEGER,
    voided                    BOOLEAN     NOT NULL DEFAULT FALSE,
    corrected                 BOOLEAN     NOT NULL DEFAULT FALSE,
    referred_on               DATE        NOT NULL,
    cohort_year               INTEGER     NOT NULL,
    cohort_quarter            INTEGER     NOT NULL,
    cohort_financial_year     VARCHAR(7)  NOT NULL,
    borough_gss_code          VARCHAR(9),
    source                    VARCHAR(40) NOT NULL,
    needs                     TEXT[]      NOT NULL,
    CONSTRAINT wellbeing_outcome_pk PRIMARY KEY (referral_id, measure_id)
);

CREATE INDEX wellbeing_outcome_instrument_referred_idx ON wellbeing_outcome (instrument, referred_on);
CREATE INDEX wellbeing_outcome_person_idx ON wellbeing_outcome (person_id);
