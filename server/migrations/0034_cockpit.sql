-- The cockpit (智慧大脑): each node's figures precomputed as one JSON document, refreshed every few
-- minutes by the cockpit-snapshots job (county, subdistricts, communities) and on demand for a node
-- whose snapshot is missing or older than the freshness limit (cockpit.service.ts).
CREATE TABLE cockpit_snapshots (
  node_id     integer PRIMARY KEY REFERENCES nodes(id),
  figures     jsonb NOT NULL,
  computed_at timestamptz NOT NULL
);

-- The trend's "closed in the month" and this month's closed tickets.
CREATE INDEX tickets_closed_at_idx ON tickets (closed_at) WHERE closed_at IS NOT NULL;
-- Volunteer hours and active volunteers of the year (check-outs by date).
CREATE INDEX volunteer_signups_checked_out_idx ON volunteer_signups (checked_out_at) WHERE checked_out_at IS NOT NULL;
-- Points redeemed in the year.
CREATE INDEX point_redemptions_created_idx ON point_redemptions (created_at);
