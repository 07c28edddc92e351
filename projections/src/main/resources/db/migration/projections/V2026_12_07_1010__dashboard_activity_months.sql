-- dashboard-providers counts an activity's rollup and capacity again only for the months a batch changed, not for
-- every month of the activity: the indexes now lead to an activity's connections and sessions of a month.
DROP INDEX dash_provider_connection_activity_idx;
CREATE INDEX dash_provider_connection_activity_idx ON dash_provider_connection (activity_id, connected_on);
DROP INDEX dash_provider_attendance_activity_idx;
CREATE INDEX dash_provider_attendance_activity_idx ON dash_provider_attendance (activity_id, session_on);
