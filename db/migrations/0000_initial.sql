CREATE TYPE "public"."care_setting" AS ENUM('ordinary_home', 'hvb_home', 'asylum_housing');--> statement-breakpoint
CREATE TYPE "public"."profession" AS ENUM('rn', 'an', 'ot', 'pt', 'dietitian');--> statement-breakpoint
CREATE TYPE "public"."shift_kind" AS ENUM('day', 'evening', 'night');--> statement-breakpoint
CREATE TYPE "public"."task_type" AS ENUM('insulin_pen', 'wound_dressing', 'catheter_rinse', 'stoma_care', 'dose_dispensing', 'tube_feeding', 'injection', 'palliative_care', 'catheter_change', 'sampling', 'nursing_assessment', 'personal_care', 'lift_assist', 'supervision', 'aids_assessment', 'home_adaptation', 'rehab_training', 'mobility_assessment', 'nutrition_assessment');--> statement-breakpoint
CREATE TYPE "public"."travel_mode" AS ENUM('car', 'bike', 'walk', 'transit');--> statement-breakpoint
CREATE TYPE "public"."visit_priority" AS ENUM('urgent1', 'urgent2', 'planned');--> statement-breakpoint
CREATE TYPE "public"."visit_source" AS ENUM('plan', 'urgent_call', 'single', 'discharge');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('unassigned', 'assigned', 'en_route', 'in_progress', 'done', 'cancelled', 'no_access');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"planned_start" timestamp with time zone NOT NULL,
	"route_order" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_visitId_staffId_unique" UNIQUE("visit_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"patient_id" uuid,
	"municipality_code" text,
	"unit" text,
	"action" text NOT NULL,
	"request_id" text,
	"reason" text,
	"emergency" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"task_types" "task_type"[] NOT NULL,
	"required_profession" "profession" NOT NULL,
	"duration_minutes" integer NOT NULL,
	"window_start" time NOT NULL,
	"window_end" time NOT NULL,
	"window_hard" boolean DEFAULT false NOT NULL,
	"days_of_week" smallint[] NOT NULL,
	"staff_count" smallint DEFAULT 1 NOT NULL,
	"priority" "visit_priority" DEFAULT 'planned' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "care_plan_staff_count" CHECK ("care_plans"."staff_count" in (1, 2)),
	CONSTRAINT "care_plan_duration" CHECK ("care_plans"."duration_minutes" between 5 and 480),
	CONSTRAINT "care_plan_has_tasks" CHECK (cardinality("care_plans"."task_types") > 0)
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"task_type" "task_type" NOT NULL,
	"delegated_by" uuid NOT NULL,
	"patient_id" uuid,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "delegation_period_order" CHECK ("delegations"."valid_to" > "delegations"."valid_from"),
	CONSTRAINT "delegation_at_most_one_year" CHECK ("delegations"."valid_to" <= "delegations"."valid_from" + interval '1 year'),
	CONSTRAINT "delegation_not_to_self" CHECK ("delegations"."staff_id" <> "delegations"."delegated_by")
);
--> statement-breakpoint
CREATE TABLE "event_sequences" (
	"municipality_code" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"municipality_code" text NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_municipality_code_seq_pk" PRIMARY KEY("municipality_code","seq")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"population" integer NOT NULL,
	"area_km2" double precision NOT NULL,
	"time_zone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	CONSTRAINT "municipalities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"base_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_exclusions" (
	"patient_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_exclusions_patient_id_staff_id_pk" PRIMARY KEY("patient_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"care_setting" "care_setting" DEFAULT 'ordinary_home' NOT NULL,
	"contact_staff_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"kind" "shift_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"break_minutes" integer DEFAULT 30 NOT NULL,
	"max_work_without_break_minutes" integer DEFAULT 300 NOT NULL,
	CONSTRAINT "shift_order" CHECK ("shifts"."ends_at" > "shifts"."starts_at"),
	CONSTRAINT "shift_at_most_16h" CHECK ("shifts"."ends_at" <= "shifts"."starts_at" + interval '16 hours'),
	CONSTRAINT "shift_break_minutes" CHECK ("shifts"."break_minutes" >= 0 and "shifts"."break_minutes" <= 120)
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hsa_id" text NOT NULL,
	"name" text NOT NULL,
	"profession" "profession" NOT NULL,
	"municipality_code" text NOT NULL,
	"team_id" uuid NOT NULL,
	"travel_mode" "travel_mode" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_hsaId_unique" UNIQUE("hsa_id"),
	CONSTRAINT "staff_hsa_id_shape" CHECK ("staff"."hsa_id" ~ '^SE[0-9]{10}-[A-Za-z0-9]+$')
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"care_plan_id" uuid,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"window_hard" boolean DEFAULT false NOT NULL,
	"duration_minutes" integer NOT NULL,
	"task_types" "task_type"[] NOT NULL,
	"required_profession" "profession" NOT NULL,
	"staff_count" smallint DEFAULT 1 NOT NULL,
	"priority" "visit_priority" DEFAULT 'planned' NOT NULL,
	"source" "visit_source" DEFAULT 'plan' NOT NULL,
	"status" "visit_status" DEFAULT 'unassigned' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_window_order" CHECK ("visits"."window_end" >= "visits"."window_start"),
	CONSTRAINT "visit_staff_count" CHECK ("visits"."staff_count" in (1, 2)),
	CONSTRAINT "visit_duration" CHECK ("visits"."duration_minutes" between 5 and 480),
	CONSTRAINT "visit_has_tasks" CHECK (cardinality("visits"."task_types") > 0)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegated_by_staff_id_fk" FOREIGN KEY ("delegated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sequences" ADD CONSTRAINT "event_sequences_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_exclusions" ADD CONSTRAINT "patient_exclusions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_exclusions" ADD CONSTRAINT "patient_exclusions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_contact_staff_id_staff_id_fk" FOREIGN KEY ("contact_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_staff_id_planned_start_index" ON "assignments" USING btree ("staff_id","planned_start");--> statement-breakpoint
CREATE INDEX "audit_log_patient_id_at_index" ON "audit_log" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "care_plans_patient_id_index" ON "care_plans" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "delegations_staff_id_index" ON "delegations" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "teams_municipality_code_index" ON "teams" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "patients_municipality_code_name_index" ON "patients" USING btree ("municipality_code","name");--> statement-breakpoint
CREATE INDEX "shifts_municipality_code_starts_at_index" ON "shifts" USING btree ("municipality_code","starts_at");--> statement-breakpoint
CREATE INDEX "shifts_staff_id_starts_at_index" ON "shifts" USING btree ("staff_id","starts_at");--> statement-breakpoint
CREATE INDEX "staff_municipality_code_name_index" ON "staff" USING btree ("municipality_code","name");--> statement-breakpoint
CREATE INDEX "staff_team_id_index" ON "staff" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "visits_municipality_code_window_start_index" ON "visits" USING btree ("municipality_code","window_start");--> statement-breakpoint
CREATE INDEX "visits_patient_id_window_start_index" ON "visits" USING btree ("patient_id","window_start");--> statement-breakpoint
CREATE INDEX "visits_municipality_code_status_index" ON "visits" USING btree ("municipality_code","status");