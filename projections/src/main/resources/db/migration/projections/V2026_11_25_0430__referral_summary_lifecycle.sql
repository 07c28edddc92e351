-- The referral-summary projection follows the whole lifecycle, not only receipt.
ALTER TABLE referral_summary
    ADD COLUMN organisation           VARCHAR(64),
    ADD COLUMN link_worker_id         VARCHAR(64),
    ADD COLUMN accepted_on            DATE,
    ADD COLUMN declined_on            DATE,
    ADD COLUMN declined_by            VARCHAR(20),
    ADD COLUMN decline_reason         VARCHAR(40),
    ADD COLUMN first_contact_on       DATE,
    ADD COLUMN first_contact_channel  VARCHAR(20),
    ADD COLUMN assessed_needs         TEXT[],
    ADD COLUMN last_assessed_on       DATE,
    ADD COLUMN closed_on              DATE,
    ADD COLUMN outcome                VARCHAR(30),
    ADD COLUMN reopened_on            DATE,
    ADD COLUMN version                BIGINT NOT NULL DEFAULT 0;

CREATE TABLE referral_connection (
    referral_id  VARCHAR(36) NOT NULL,
    activity_id  VARCHAR(36) NOT NULL,
    provider_id  VARCHAR(36) NOT NULL,
    connected_on DATE        NOT NULL,
    CONSTRAINT referral_connection_pk PRIMARY KEY (referral_id, activity_id)
);

CREATE TABLE referral_attendance (
    referral_id   VARCHAR(36) NOT NULL,
    attendance_id VARCHAR(36) NOT NULL,
    activity_id   VARCHAR(36) NOT NULL,
    session_on    DATE        NOT NULL,
    status        VARCHAR(30) NOT NULL,
    voided        BOOLEAN     NOT NULL DEFAULT FALSE,
    corrected     BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT referral_attendance_pk PRIMARY KEY (referral_id, attendance_id)
);
CREATE INDEX referral_attendance_activity_idx ON referral_attendance (activity_id, session_on);

CREATE INDEX referral_summary_organisation_idx ON referral_summary (organisation);
