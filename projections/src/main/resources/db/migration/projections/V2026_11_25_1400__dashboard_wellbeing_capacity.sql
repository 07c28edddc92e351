-- The wellbeing headline and utilisation precomputed like the other dashboard views, so the API sums small
-- rollups instead of matching baselines to follow-ups, or summing every activity, at query time.

-- dashboard-referrals: each referral's SWEMWBS measures, and on the referral its matched pair: the first
-- baseline and the first follow-up or exit 56-112 days after it (metric scores in hundredths).
CREATE TABLE dash_referral_wellbeing (
    referral_id      VARCHAR(36) NOT NULL,
    measure_id       VARCHAR(36) NOT NULL,
    time_point       VARCHAR(20) NOT NULL,
    measured_on      DATE        NOT NULL,
    score_hundredths INTEGER,
    voided           BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT dash_referral_wellbeing_pk PRIMARY KEY (referral_id, measure_id)
);
ALTER TABLE dash_referral ADD COLUMN baseline_on DATE, ADD COLUMN baseline_score INTEGER,
    ADD COLUMN follow_up_score INTEGER;

-- People with a baseline, with a matched follow-up, and improved by at least 1.03 points: each person counted
-- once per financial year, on their first referral of the year with a baseline (one with a match first).
ALTER TABLE dash_referral_rollup ADD COLUMN with_baseline INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN matched INTEGER NOT NULL DEFAULT 0, ADD COLUMN improved INTEGER NOT NULL DEFAULT 0;

-- dashboard-providers: capacity summed per provider and month, and over London (provider_id '*').
CREATE TABLE dash_provider_capacity (
    month       DATE        NOT NULL,
    provider_id VARCHAR(36) NOT NULL,
    sessions    INTEGER     NOT NULL,
    places      INTEGER     NOT NULL,
    attended    INTEGER     NOT NULL,
    CONSTRAINT dash_provider_capacity_pk PRIMARY KEY (provider_id, month)
);


-- Waits over long periods without summing every month's day histogram: dash_referral_wait also holds London's
-- totals per month (borough_gss_code '*', dimension 'all' only), and dash_referral_wait_year each borough's
-- histogram per financial year (dimension 'all' only).
CREATE TABLE dash_referral_wait_year (
    financial_year   INTEGER     NOT NULL,
    borough_gss_code VARCHAR(9)  NOT NULL,
    wait             VARCHAR(20) NOT NULL,
    days             INTEGER     NOT NULL,
    referrals        INTEGER     NOT NULL,
    CONSTRAINT dash_referral_wait_year_pk PRIMARY KEY (financial_year, borough_gss_code, wait, days)
);

-- dashboard-providers: the outcomes of the people each provider served. Its own copy of the SWEMWBS measures and
-- each referral's pair (so this view rebuilds alone), and per provider, connection month and borough the
-- referrals connected to its activities that had a baseline, a matched follow-up, and improved.
CREATE TABLE dash_provider_wellbeing (
    referral_id      VARCHAR(36) NOT NULL,
    measure_id       VARCHAR(36) NOT NULL,
    time_point       VARCHAR(20) NOT NULL,
    measured_on      DATE        NOT NULL,
    score_hundredths INTEGER,
    voided           BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT dash_provider_wellbeing_pk PRIMARY KEY (referral_id, measure_id)
);
ALTER TABLE dash_provider_referral ADD COLUMN baseline_on DATE, ADD COLUMN baseline_score INTEGER,
    ADD COLUMN follow_up_score INTEGER;
CREATE TABLE dash_provider_outcome (
    month            DATE        NOT NULL,
    borough_gss_code VARCHAR(9)  NOT NULL,
    provider_id      VARCHAR(36) NOT NULL,
    with_baseline    INTEGER     NOT NULL,
    matched          INTEGER     NOT NULL,
    improved         INTEGER     NOT NULL,
    CONSTRAINT dash_provider_outcome_pk PRIMARY KEY (month, borough_gss_code, provider_id)
);
CREATE INDEX dash_provider_outcome_provider_idx ON dash_provider_outcome (provider_id);
CREATE INDEX dash_provider_connection_provider_idx ON dash_provider_connection (provider_id);

-- Both views' shapes changed: their processors start again from the first event (their handlers are
-- idempotent upserts) and the views fill in as they catch up.
TRUNCATE dash_person, dash_referral, dash_referral_attendance, dash_referral_rollup, dash_referral_wait,
    dash_caseload, dash_provider, dash_activity, dash_provider_referral, dash_provider_connection,
    dash_provider_attendance, dash_provider_rollup, dash_activity_capacity;
DELETE FROM token_entry WHERE processor_name IN ('dashboard-referrals', 'dashboard-providers');
