-- Withdrawing a dual registration (撤回/注销报到): from pending or approved, with a reason and who
-- withdrew it. Withdrawing an approved one ends the member's dual registration at the compound.
ALTER TABLE dual_registrations
  ADD COLUMN withdraw_reason text CHECK (length(withdraw_reason) BETWEEN 1 AND 500),
  ADD COLUMN withdrawn_by    integer REFERENCES users(id),
  ADD COLUMN withdrawn_at    timestamptz,
  ADD CONSTRAINT dual_registrations_withdrawn_has_reason CHECK (status <> 'withdrawn' OR (withdraw_reason IS NOT NULL AND withdrawn_at IS NOT NULL));
