ALTER TABLE "care_plans" ADD COLUMN "combinable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "also_care_plan_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;