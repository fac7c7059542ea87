-- A manager routes a triage ticket (a 12345 hotline case not routable on arrival, waiting on a
-- subdistrict or the county) to the community it concerns: one new timeline entry. The kind list
-- is rebuilt from the constraint as it stands, so that kinds other migrations added are kept.
DO $$
DECLARE kinds text;
BEGIN
  SELECT string_agg(quote_literal(k), ',' ORDER BY k) INTO kinds FROM (
    SELECT (regexp_matches(pg_get_constraintdef(oid), '''([a-z_]+)''', 'g'))[1] AS k
      FROM pg_constraint WHERE conname = 'ticket_events_kind_check' AND conrelid = 'ticket_events'::regclass
    UNION SELECT unnest(ARRAY['routed'])
  ) x;
  ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_kind_check;
  EXECUTE format('ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_kind_check CHECK (kind IN (%s))', kinds);
END $$;
