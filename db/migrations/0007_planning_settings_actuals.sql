CREATE TABLE "planning_settings" (
	"municipality_code" text PRIMARY KEY NOT NULL,
	"max_distinct_caregivers" smallint DEFAULT 0 NOT NULL,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_actuals" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"staff_id" uuid,
	"en_route_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" "visit_status",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "pinned_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "planning_settings" ADD CONSTRAINT "planning_settings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_settings" ADD CONSTRAINT "planning_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_actuals" ADD CONSTRAINT "visit_actuals_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_actuals" ADD CONSTRAINT "visit_actuals_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_actuals" ADD CONSTRAINT "visit_actuals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_actuals_municipality_code_started_at_index" ON "visit_actuals" USING btree ("municipality_code","started_at");--> statement-breakpoint
CREATE INDEX "visit_actuals_staff_id_started_at_index" ON "visit_actuals" USING btree ("staff_id","started_at");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visit_pinned_start" CHECK ("visits"."pinned_start" is null or "visits"."pinned");