ALTER TABLE "board_dirty_days" DROP CONSTRAINT "board_dirty_days_municipality_code_day_pk";--> statement-breakpoint
CREATE INDEX "board_dirty_days_municipality_code_day_index" ON "board_dirty_days" USING btree ("municipality_code","day");--> statement-breakpoint
ALTER TABLE "board_dirty_days" DROP COLUMN "marks";--> statement-breakpoint
-- The marking functions of 0010 without their upsert: a plain insert takes no lock another
-- command waits on (db/schema/board-rollups.ts says why).
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
  ) x;
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
      SELECT municipality_code, (created_at AT TIME ZONE 'Europe/Stockholm')::date FROM old_rows) x;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM board_mark_visits(ARRAY(SELECT id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
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
          AND o.planned_start >= sh.starts_at AND o.planned_start < sh.ends_at) x;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_shifts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT municipality_code, (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO board_dirty_days (municipality_code, day)
    SELECT DISTINCT municipality_code, (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM old_rows;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_dirty_staff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM board_mark_visits(ARRAY(
    SELECT DISTINCT a.visit_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN assignments a ON a.staff_id = n.id
    WHERE n.team_id IS DISTINCT FROM o.team_id OR n.profession IS DISTINCT FROM o.profession));
  INSERT INTO board_dirty_days (municipality_code, day)
  SELECT DISTINCT sh.municipality_code, (sh.starts_at AT TIME ZONE 'Europe/Stockholm')::date
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN shifts sh ON sh.staff_id = n.id
    WHERE n.team_id IS DISTINCT FROM o.team_id OR n.profession IS DISTINCT FROM o.profession;
  RETURN NULL;
END
$$;
