-- dashboard-referrals counts a link worker's caseload again only for the financial years of acceptance a batch
-- changed, not over every year the link worker has worked: the index now leads to a year's acceptances.
DROP INDEX dash_referral_link_worker_idx;
CREATE INDEX dash_referral_link_worker_idx ON dash_referral (link_worker_id, accepted_on);
