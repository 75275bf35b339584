CREATE TABLE "raised_late_risks" (
	"visit_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "raised_late_risks_visit_id_version_pk" PRIMARY KEY("visit_id","version")
);
--> statement-breakpoint
ALTER TABLE "raised_late_risks" ADD CONSTRAINT "raised_late_risks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;