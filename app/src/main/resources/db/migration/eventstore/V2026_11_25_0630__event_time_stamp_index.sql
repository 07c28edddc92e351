-- The daily digest (docs/audit.md) reads one day of recording time at a time. The ISO-8601 UTC strings
-- Axon writes sort as the instants they name, so a plain index serves the range.
CREATE INDEX domain_event_entry_time_stamp_idx ON domain_event_entry (time_stamp);
