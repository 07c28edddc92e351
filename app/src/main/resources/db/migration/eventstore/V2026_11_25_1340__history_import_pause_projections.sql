-- An import may pause the node's tracking processors while it runs (docs/import-format.md, "Pausing the
-- projections"); kept with the import so a resumed import pauses them again.
ALTER TABLE history_import ADD COLUMN pause_projections BOOLEAN NOT NULL DEFAULT FALSE;
