-- The ledger, its lot movements and the audit log are append-only: history is
-- corrected by new entries (reversals, adjustments), never by editing old ones.
CREATE OR REPLACE FUNCTION lazo_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION lazo_refuse_change();
--> statement-breakpoint
CREATE TRIGGER lot_allocations_append_only BEFORE UPDATE OR DELETE ON lot_allocations FOR EACH ROW EXECUTE FUNCTION lazo_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION lazo_refuse_change();
