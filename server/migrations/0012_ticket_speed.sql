-- County-scale ticket lists, searches and rates (250,000 tickets; see bench/README.md, bench:tickets).

-- A search is `code = … OR description ILIKE … OR address ILIKE …`: with an index on every branch
-- PostgreSQL combines them (BitmapOr); the address had none, so even a code search read every ticket.
CREATE INDEX tickets_address_trgm_idx ON tickets USING gin (address gin_trgm_ops);

-- The response rate stops the clock at a ticket's first acceptance on its timeline: found from
-- this index alone (one small entry per acceptance) instead of reading every event of the ticket.
CREATE INDEX ticket_events_accepted_idx ON ticket_events (ticket_id, at) WHERE kind = 'accepted';
