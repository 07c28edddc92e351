-- The dashboard-providers projection: connections, attendance and capacity of VCSE activities, summed by
-- month, borough (of the referral) and activity for the utilisation and per-provider dashboards.

CREATE TABLE dash_provider (
    provider_id VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(300) NOT NULL
);

CREATE TABLE dash_activity (
    activity_id          VARCHAR(36)  PRIMARY KEY,
    provider_id          VARCHAR(36)  NOT NULL,
    name                 VARCHAR(300) NOT NULL,
    capacity_per_session INTEGER      NOT NULL
);

-- The borough each referral was received in, for the geography filters.
CREATE TABLE dash_provider_referral (
    referral_id      VARCHAR(36) PRIMARY KEY,
    borough_gss_code VARCHAR(9)  NOT NULL
);

CREATE TABLE dash_provider_connection (
    referral_id  VARCHAR(36) NOT NULL,
    activity_id  VARCHAR(36) NOT NULL,
    provider_id  VARCHAR(36) NOT NULL,
    connected_on DATE        NOT NULL,
    CONSTRAINT dash_provider_connection_pk PRIMARY KEY (referral_id, activity_id)
);
CREATE INDEX dash_provider_connection_activity_idx ON dash_provider_connection (activity_id);

CREATE TABLE dash_provider_attendance (
    referral_id   VARCHAR(36) NOT NULL,
    attendance_id VARCHAR(36) NOT NULL,
    activity_id   VARCHAR(36) NOT NULL,
    session_on    DATE        NOT NULL,
    status        VARCHAR(30) NOT NULL,
    voided        BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT dash_provider_attendance_pk PRIMARY KEY (referral_id, attendance_id)
);
CREATE INDEX dash_provider_attendance_activity_idx ON dash_provider_attendance (activity_id);

-- Connections made (month of connection) and sessions attended or missed (month of the session), by the
-- referral's borough and the activity.
CREATE TABLE dash_provider_rollup (
    month            DATE        NOT NULL,
    borough_gss_code VARCHAR(9)  NOT NULL,
    provider_id      VARCHAR(36) NOT NULL,
    activity_id      VARCHAR(36) NOT NULL,
    connections      INTEGER     NOT NULL,
    attended         INTEGER     NOT NULL,
    missed           INTEGER     NOT NULL,
    CONSTRAINT dash_provider_rollup_pk PRIMARY KEY (month, borough_gss_code, activity_id)
);
CREATE INDEX dash_provider_rollup_activity_idx ON dash_provider_rollup (activity_id);

-- Sessions that ran (a date with any attendance recorded other than a provider's cancellation) and the places
-- they offered (sessions times the activity's capacity per session), by month and activity.
CREATE TABLE dash_activity_capacity (
    month       DATE        NOT NULL,
    activity_id VARCHAR(36) NOT NULL,
    provider_id VARCHAR(36) NOT NULL,
    sessions    INTEGER     NOT NULL,
    places      INTEGER     NOT NULL,
    attended    INTEGER     NOT NULL,
    CONSTRAINT dash_activity_capacity_pk PRIMARY KEY (month, activity_id)
);
