-- Patient-data access log (PDL): append-only in the database itself, so no code path, bug
-- or stray SQL through the application's connection can rewrite history. The one way out is
-- audit_log_purge(cutoff), which only removes rows older than five years (the legal minimum).
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('hhc.audit_purge', true) = 'on' THEN
      IF OLD.at < now() - interval '5 years' THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- Retention: deletes rows older than `cutoff`, refusing any cutoff less than five years ago.
-- The flag is transaction-local and switched off again before returning.
CREATE OR REPLACE FUNCTION audit_log_purge(cutoff timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
BEGIN
  IF cutoff > now() - interval '5 years' THEN
    RAISE EXCEPTION 'audit rows are kept at least five years (cutoff %)', cutoff
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('hhc.audit_purge', 'on', true);
  DELETE FROM audit_log WHERE at < cutoff;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('hhc.audit_purge', 'off', true);
  RETURN removed;
END
$$;
