-- 快办理: a consultation task may be handed to the ticket module (a ticket with source
-- 'consultation'); the task then shows the ticket's code and status.

ALTER TABLE topic_tasks ADD COLUMN ticket_id integer REFERENCES tickets(id);
-- A ticket carries out at most one task.
CREATE UNIQUE INDEX topic_tasks_ticket_key ON topic_tasks (ticket_id) WHERE ticket_id IS NOT NULL;

ALTER TABLE tickets DROP CONSTRAINT tickets_source_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_source_check
  CHECK (source IN ('community_report','resident_report','hotline','reception_day','open311','consultation'));
