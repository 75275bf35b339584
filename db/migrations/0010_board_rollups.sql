CREATE TABLE "board_continuity_days" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"patients" integer NOT NULL,
	"kolada_median" double precision,
	CONSTRAINT "board_continuity_days_municipality_code_day_pk" PRIMARY KEY("municipality_code","day")
);
--> statement-breakpoint
CREATE TABLE "board_day_rollups" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"team_key" uuid NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"unplaced" integer DEFAULT 0 NOT NULL,
	"no_access" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"two_done" integer DEFAULT 0 NOT NULL,
	"two_together" integer DEFAULT 0 NOT NULL,
	"patient_days_done" integer DEFAULT 0 NOT NULL,
	"started" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late15" integer DEFAULT 0 NOT NULL,
	"late30" integer DEFAULT 0 NOT NULL,
	"late60" integer DEFAULT 0 NOT NULL,
	"late_over" integer DEFAULT 0 NOT NULL,
	"contact_visits" integer DEFAULT 0 NOT NULL,
	"contact_by" integer DEFAULT 0 NOT NULL,
	"pa_visits" integer DEFAULT 0 NOT NULL,
	"pa_planned_minutes" bigint DEFAULT 0 NOT NULL,
	"pa_actual_minutes" numeric DEFAULT '0' NOT NULL,
	"pa_travel_visits" integer DEFAULT 0 NOT NULL,
	"pa_travel_minutes" numeric DEFAULT '0' NOT NULL,
	"pa_planned_travel_visits" integer DEFAULT 0 NOT NULL,
	"pa_planned_travel_seconds" numeric DEFAULT '0' NOT NULL,
	"actual_rows" integer DEFAULT 0 NOT NULL,
	"reported_travel_seconds" numeric DEFAULT '0' NOT NULL,
	"urgent1_registered" integer DEFAULT 0 NOT NULL,
	"urgent1_reached" integer DEFAULT 0 NOT NULL,
	"urgent1_within_target" integer DEFAULT 0 NOT NULL,
	"urgent2_registered" integer DEFAULT 0 NOT NULL,
	"urgent2_reached" integer DEFAULT 0 NOT NULL,
	"urgent2_within_target" integer DEFAULT 0 NOT NULL,
	"shifts" integer DEFAULT 0 NOT NULL,
	"shift_seconds" numeric DEFAULT '0' NOT NULL,
	"visit_seconds" numeric DEFAULT '0' NOT NULL,
	"travel_seconds" numeric DEFAULT '0' NOT NULL,
	"overtime_seconds" numeric DEFAULT '0' NOT NULL,
	"shifts_overrun" integer DEFAULT 0 NOT NULL,
	"legs" integer DEFAULT 0 NOT NULL,
	"leg_metres" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "board_day_rollups_municipality_code_team_key_day_pk" PRIMARY KEY("municipality_code","team_key","day")
);
--> statement-breakpoint
CREATE TABLE "board_day_sums" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"team_key" uuid NOT NULL,
	"key" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "board_day_sums_municipality_code_team_key_day_key_pk" PRIMARY KEY("municipality_code","team_key","day","key")
);
--> statement-breakpoint
CREATE TABLE "board_dirty_days" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"marks" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_dirty_days_municipality_code_day_pk" PRIMARY KEY("municipality_code","day")
);
--> statement-breakpoint
CREATE TABLE "board_minute_values" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"team_key" uuid NOT NULL,
	"metric" text NOT NULL,
	"minute" integer NOT NULL,
	"count" integer NOT NULL,
	"values" double precision[] NOT NULL,
	CONSTRAINT "board_minute_values_municipality_code_team_key_day_metric_minute_pk" PRIMARY KEY("municipality_code","team_key","day","metric","minute")
);
--> statement-breakpoint
CREATE TABLE "board_patient_days" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"patient_id" uuid NOT NULL,
	"due_daytime" smallint NOT NULL,
	CONSTRAINT "board_patient_days_municipality_code_day_patient_id_pk" PRIMARY KEY("municipality_code","day","patient_id")
);
--> statement-breakpoint
CREATE TABLE "board_patient_staff_days" (
	"municipality_code" text NOT NULL,
	"day" date NOT NULL,
	"patient_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"daytime" boolean NOT NULL,
	"visits" integer NOT NULL,
	CONSTRAINT "board_patient_staff_days_municipality_code_day_patient_id_staff_id_pk" PRIMARY KEY("municipality_code","day","patient_id","staff_id")
);
--> statement-breakpoint
CREATE INDEX "board_day_rollups_municipality_code_day_index" ON "board_day_rollups" USING btree ("municipality_code","day");--> statement-breakpoint
CREATE INDEX "board_day_sums_municipality_code_day_index" ON "board_day_sums" USING btree ("municipality_code","day");--> statement-breakpoint
CREATE INDEX "board_minute_values_municipality_code_day_index" ON "board_minute_values" USING btree ("municipality_code","day");--> statement-breakpoint
CREATE INDEX "board_patient_staff_days_patient_id_day_index" ON "board_patient_staff_days" USING btree ("patient_id","day");--> statement-breakpoint
CREATE INDEX "assignments_planned_start_index" ON "assignments" USING btree ("planned_start");--> statement-breakpoint
CREATE INDEX "visits_municipality_code_created_at_index" ON "visits" USING btree ("municipality_code","created_at") WHERE "visits"."priority" <> 'planned';--> statement-breakpoint
-- The board's rollups are recomputed per (municipality, Stockholm day) on read when marked
-- dirty here. Statement-level triggers with transition tables: one set-based insert per
-- statement, so a bulk load (a day of history, the benchmark's seed) marks cheaply too.
-- Marking over-approximates (any update of a visit marks its days); it must never miss a
-- day a figure reads: a visit's window-start day (visit figures, continuity), its
-- registration day (urgent response), its assignments' planned-start days (travel legs) and
-- the shifts those fall in (working time), and the days of a patient or caregiver whose
-- contact caregiver, care setting, team or profession changed.
CREATE OR REPLACE FUNCTION board_mark_visits(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO board_dirty_days (municipality_code, day)
  SELECT DISTINCT m, d FROM (
    SELECT v.municipality_code AS m, (v.window_start AT TIME ZONE 'Europe/Stockholm')::date AS d
      FROM visits v JOIN unnest(ids) i(id) ON v.id = i.id
    UNION ALL
    SELECT v.municipality_code, (v.created_at AT TIME ZONE 'Europe/Stockholm')::date
      FROM visits v JOIN unnest(ids) i(id) ON v.id = i.id
    UNION ALL
    SELECT v.municipality_code, (a.planned_start AT TIME ZONE 'Europe/Stockholm')::date
      FROM visits v JOIN unnest(ids) i(id) ON v.id = i.id JOIN assignments a ON a.visit_id = v.id
    UNION ALL
    SELECT sh.municipality_code, (sh.starts_at AT TIME ZONE 'Europe/Stockholm')::date
      FROM assignments a JOIN unnest(ids) i(id) ON a.visit_id = i.id
      JOIN shifts sh ON sh.staff_id = a.staff_id
        AND a.planned_start >= sh.starts_at AND a.planned_start < sh.ends_at
  ) x
  ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM board_mark_visits(ARRAY(SELECT id FROM new_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- The days the visit was on before (a moved window; a deleted visit).
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT m, d FROM (
      SELECT municipality_code AS m, (window_start AT TIME ZONE 'Europe/Stockholm')::date AS d FROM old_rows
      UNION ALL
      SELECT municipality_code, (created_at AT TIME ZONE 'Europe/Stockholm')::date FROM old_rows) x
    ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM board_mark_visits(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_visits_ins AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_visits();
--> statement-breakpoint
CREATE TRIGGER board_dirty_visits_upd AFTER UPDATE ON visits
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_visits();
--> statement-breakpoint
CREATE TRIGGER board_dirty_visits_del AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_visits();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM board_mark_visits(ARRAY(SELECT DISTINCT visit_id FROM new_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM board_mark_visits(ARRAY(SELECT DISTINCT visit_id FROM old_rows));
    -- The old planned start's day and the shift it fell in (a moved or removed assignment).
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT m, d FROM (
      SELECT st.municipality_code AS m, (o.planned_start AT TIME ZONE 'Europe/Stockholm')::date AS d
        FROM old_rows o JOIN staff st ON st.id = o.staff_id
      UNION ALL
      SELECT v.municipality_code, (o.planned_start AT TIME ZONE 'Europe/Stockholm')::date
        FROM old_rows o JOIN visits v ON v.id = o.visit_id
      UNION ALL
      SELECT sh.municipality_code, (sh.starts_at AT TIME ZONE 'Europe/Stockholm')::date
        FROM old_rows o JOIN shifts sh ON sh.staff_id = o.staff_id
          AND o.planned_start >= sh.starts_at AND o.planned_start < sh.ends_at) x
    ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_assignments_ins AFTER INSERT ON assignments
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_assignments();
--> statement-breakpoint
CREATE TRIGGER board_dirty_assignments_upd AFTER UPDATE ON assignments
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_assignments();
--> statement-breakpoint
CREATE TRIGGER board_dirty_assignments_del AFTER DELETE ON assignments
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_assignments();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_actuals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM board_mark_visits(ARRAY(SELECT visit_id FROM new_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM board_mark_visits(ARRAY(SELECT visit_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_actuals_ins AFTER INSERT ON visit_actuals
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_actuals();
--> statement-breakpoint
CREATE TRIGGER board_dirty_actuals_upd AFTER UPDATE ON visit_actuals
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_actuals();
--> statement-breakpoint
CREATE TRIGGER board_dirty_actuals_del AFTER DELETE ON visit_actuals
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_actuals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_shifts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT municipality_code, (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM new_rows
    ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT municipality_code, (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM old_rows
    ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_shifts_ins AFTER INSERT ON shifts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_shifts();
--> statement-breakpoint
CREATE TRIGGER board_dirty_shifts_upd AFTER UPDATE ON shifts
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_shifts();
--> statement-breakpoint
CREATE TRIGGER board_dirty_shifts_del AFTER DELETE ON shifts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_shifts();
--> statement-breakpoint
-- A patient's contact caregiver (contact share) or care setting (economics) changed: every
-- day of their visits. Their municipality or the contact's team are read live, not rolled up.
CREATE OR REPLACE FUNCTION board_dirty_patients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM board_mark_visits(ARRAY(
    SELECT v.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN visits v ON v.patient_id = n.id
    WHERE n.contact_staff_id IS DISTINCT FROM o.contact_staff_id
      OR n.care_setting IS DISTINCT FROM o.care_setting));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_patients_upd AFTER UPDATE ON patients
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_patients();
--> statement-breakpoint
-- A caregiver's team (team rows) or profession (staff hours) changed: the days of their
-- shifts and of the visits they were assigned.
CREATE OR REPLACE FUNCTION board_dirty_staff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM board_mark_visits(ARRAY(
    SELECT DISTINCT a.visit_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN assignments a ON a.staff_id = n.id
    WHERE n.team_id IS DISTINCT FROM o.team_id OR n.profession IS DISTINCT FROM o.profession));
  INSERT INTO board_dirty_days (municipality_code, day)
  SELECT DISTINCT sh.municipality_code, (sh.starts_at AT TIME ZONE 'Europe/Stockholm')::date
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN shifts sh ON sh.staff_id = n.id
    WHERE n.team_id IS DISTINCT FROM o.team_id OR n.profession IS DISTINCT FROM o.profession
  ON CONFLICT (municipality_code, day) DO UPDATE SET marks = board_dirty_days.marks + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER board_dirty_staff_upd AFTER UPDATE ON staff
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION board_dirty_staff();
--> statement-breakpoint
-- What is already in the database is dirty: the first read (or backfillRollups) computes it.
SELECT board_mark_visits(ARRAY(SELECT id FROM visits));
--> statement-breakpoint
INSERT INTO board_dirty_days (municipality_code, day)
SELECT DISTINCT municipality_code, (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM shifts
ON CONFLICT (municipality_code, day) DO NOTHING;
