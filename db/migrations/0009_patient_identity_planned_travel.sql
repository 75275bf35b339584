ALTER TABLE "assignments" ADD COLUMN "planned_travel_seconds" integer;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "location_confirmed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "personal_number" text;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_municipality_code_personal_number_index" ON "patients" USING btree ("municipality_code","personal_number");