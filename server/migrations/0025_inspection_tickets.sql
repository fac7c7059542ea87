-- 管家巡查 → 工单: a red steward's inspection may be handed to the ticket module by the console
-- (a ticket with source 'inspection'); the inspection keeps the ticket's id (at most one).

ALTER TABLE tickets DROP CONSTRAINT tickets_source_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_source_check
  CHECK (source IN ('community_report','resident_report','hotline','reception_day','open311','consultation','inspection'));
CREATE UNIQUE INDEX property_inspections_ticket_key ON property_inspections (ticket_id) WHERE ticket_id IS NOT NULL;
