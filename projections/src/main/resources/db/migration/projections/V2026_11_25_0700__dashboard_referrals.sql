-- The dashboard-referrals projection: one fact row per referral with the dimensions commissioners filter on,
-- and rollups of those rows by (month, borough, dimension, value) that the dashboard API sums. No personal
-- data: person ids are opaque, demographics are the non-identifying analytics fields.

-- Each person's demographics, as last recorded; copied onto a referral when it is received.
CREATE TABLE dash_person (
    person_id    VARCHAR(36) PRIMARY KEY,
    age_band     VARCHAR(20),
    sex          VARCHAR(20),
    ethnic_group VARCHAR(20),
    imd_decile   INTEGER
);

CREATE TABLE dash_referral (
    referral_id       VARCHAR(36) PRIMARY KEY,
    person_id         VARCHAR(36) NOT NULL,
    referred_on       DATE        NOT NULL,
    month             DATE        NOT NULL,
    financial_year    INTEGER     NOT NULL,
    borough_gss_code  VARCHAR(9)  NOT NULL,
    pcn               VARCHAR(20) NOT NULL,
    source            VARCHAR(40) NOT NULL,
    needs             TEXT[]      NOT NULL,
    age_band          VARCHAR(20) NOT NULL,
    sex               VARCHAR(20) NOT NULL,
    ethnic_group      VARCHAR(20) NOT NULL,
    imd_decile        VARCHAR(7)  NOT NULL,
    link_worker_id    VARCHAR(100),
    accepted_on       DATE,
    declined_on       DATE,
    first_contact_on  DATE,
    assessed_on       DATE,
    connected_on      DATE,
    closed_on         DATE,
    outcome           VARCHAR(30),
    attended_sessions INTEGER     NOT NULL DEFAULT 0,
    missed_sessions   INTEGER     NOT NULL DEFAULT 0,
    first_attended_on DATE
);
CREATE INDEX dash_referral_bucket_idx ON dash_referral (month, borough_gss_code);
CREATE INDEX dash_referral_person_idx ON dash_referral (person_id);
CREATE INDEX dash_referral_link_worker_idx ON dash_referral (link_worker_id, financial_year);

-- Every session outcome recorded for a referral; the referral's attendance columns are derived from it.
CREATE TABLE dash_referral_attendance (
    referral_id   VARCHAR(36) NOT NULL,
    attendance_id VARCHAR(36) NOT NULL,
    session_on    DATE        NOT NULL,
    status        VARCHAR(30) NOT NULL,
    voided        BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT dash_referral_attendance_pk PRIMARY KEY (referral_id, attendance_id)
);

-- Counts of the referrals received in a month in a borough, split by one dimension at a time: dimension 'all'
-- (value 'all') holds the totals; 'pcn', 'source', 'need', 'age_band', 'sex', 'ethnic_group' and 'imd_decile'
-- hold the same referrals by that dimension ('need' counts a referral once under each of its needs).
CREATE TABLE dash_referral_rollup (
    month            DATE        NOT NULL,
    borough_gss_code VARCHAR(9)  NOT NULL,
    dimension        VARCHAR(20) NOT NULL,
    value            VARCHAR(40) NOT NULL,
    received         INTEGER     NOT NULL,
    accepted         INTEGER     NOT NULL,
    declined         INTEGER     NOT NULL,
    people_supported INTEGER     NOT NULL,
    contacted        INTEGER     NOT NULL,
    assessed         INTEGER     NOT NULL,
    connected        INTEGER     NOT NULL,
    attended         INTEGER     NOT NULL,
    completed        INTEGER     NOT NULL,
    closed           INTEGER     NOT NULL,
    sessions_attended INTEGER    NOT NULL,
    sessions_missed  INTEGER     NOT NULL,
    CONSTRAINT dash_referral_rollup_pk PRIMARY KEY (dimension, value, month, borough_gss_code)
);

-- Distributions of waits in whole days, with the same keys as the rollup: 'first-contact' is referral to
-- first contact, 'first-activity' referral to the first session attended.
CREATE TABLE dash_referral_wait (
    month            DATE        NOT NULL,
    borough_gss_code VARCHAR(9)  NOT NULL,
    dimension        VARCHAR(20) NOT NULL,
    value            VARCHAR(40) NOT NULL,
    wait             VARCHAR(20) NOT NULL,
    days             INTEGER     NOT NULL,
    referrals        INTEGER     NOT NULL,
    CONSTRAINT dash_referral_wait_pk PRIMARY KEY (dimension, value, month, borough_gss_code, wait, days)
);

-- Link workers' caseloads: distinct people whose referral each link worker accepted in a financial year
-- (April to March, named by its first year), with the borough most of them were referred in.
CREATE TABLE dash_caseload (
    financial_year   INTEGER      NOT NULL,
    link_worker_id   VARCHAR(100) NOT NULL,
    borough_gss_code VARCHAR(9)   NOT NULL,
    people           INTEGER      NOT NULL,
    CONSTRAINT dash_caseload_pk PRIMARY KEY (financial_year, link_worker_id)
);
