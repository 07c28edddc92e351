-- A VCSE referrer is named by its provider id, a 36-character UUID (docs/import-format.md); imported
-- history carries such referrers, and a 10-character column stopped the projection on the first one.
ALTER TABLE referral_summary ALTER COLUMN referrer_organisation TYPE VARCHAR(36);
