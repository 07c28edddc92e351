-- Read model of the referral-summary projection: one row per referral.
CREATE TABLE referral_summary (
    referral_id           VARCHAR(36)  PRIMARY KEY,
    person_id             VARCHAR(36)  NOT NULL,
    referred_on           DATE         NOT NULL,
    source                VARCHAR(40)  NOT NULL,
    referrer_organisation VARCHAR(10),
    gp_practice           VARCHAR(10),
    pcn                   VARCHAR(10),
    borough_gss_code      CHAR(9)      NOT NULL,
    needs                 TEXT[]       NOT NULL DEFAULT '{}',
    urgency               VARCHAR(20),
    status                VARCHAR(20)  NOT NULL,
    recorded_at           TIMESTAMPTZ  NOT NULL
);

CREATE INDEX referral_summary_person_idx ON referral_summary (person_id);
CREATE INDEX referral_summary_borough_month_idx ON referral_summary (borough_gss_code, referred_on);
