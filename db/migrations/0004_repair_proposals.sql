CREATE TABLE "repair_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"assignments" jsonb NOT NULL,
	"unplaced" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "repair_proposals" ADD CONSTRAINT "repair_proposals_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "repair_proposals_expires_at_idx" ON "repair_proposals" USING btree ("expires_at");