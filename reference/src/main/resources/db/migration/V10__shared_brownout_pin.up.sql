-- The operators' pin of automatic brownout, shared by the fleet like the mode: while it is set, no instance enters or
-- leaves brownout by itself. Null while automatic brownout decides.
ALTER TABLE shared_state ADD COLUMN IF NOT EXISTS brownout_pinned_by VARCHAR(200);
ALTER TABLE shared_state ADD COLUMN IF NOT EXISTS brownout_pin_reason VARCHAR(1000);
