CREATE TYPE "public"."planning_job_status" AS ENUM('queued', 'running', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "planning_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"service_date" date NOT NULL,
	"team_id" uuid,
	"status" "planning_job_status" DEFAULT 'queued' NOT NULL,
	"requested_by" uuid,
	"requested_by_username" text,
	"budget_seconds" integer NOT NULL,
	"seed" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"worker_id" text,
	"progress" jsonb,
	"result" jsonb,
	"basis" jsonb,
	"fingerprint" text,
	"error" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "planning_job_budget" CHECK ("planning_jobs"."budget_seconds" between 1 and 600)
);
--> statement-breakpoint
ALTER TABLE "planning_jobs" ADD CONSTRAINT "planning_jobs_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_jobs" ADD CONSTRAINT "planning_jobs_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_jobs" ADD CONSTRAINT "planning_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "planning_jobs_one_active_per_day" ON "planning_jobs" USING btree ("municipality_code","service_date") WHERE "planning_jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "planning_jobs_claim_idx" ON "planning_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "planning_jobs_municipality_code_service_date_index" ON "planning_jobs" USING btree ("municipality_code","service_date");