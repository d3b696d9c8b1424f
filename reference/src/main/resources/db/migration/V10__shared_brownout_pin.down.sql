ALTER TABLE shared_state DROP COLUMN IF EXISTS brownout_pin_reason;
ALTER TABLE shared_state DROP COLUMN IF EXISTS brownout_pinned_by;
