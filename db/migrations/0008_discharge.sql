CREATE TYPE "public"."discharge_care_type" AS ENUM('somatic', 'psychiatric');--> statement-breakpoint
CREATE TYPE "public"."discharge_message_kind" AS ENUM('admission', 'update', 'ready_for_discharge', 'planned_discharge', 'discharged', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."discharge_need" AS ENUM('nursing_assessment', 'medication', 'wound_care', 'catheter', 'help_at_home', 'two_person_transfer', 'palliative', 'rehabilitation', 'nutrition');--> statement-breakpoint
CREATE TYPE "public"."discharge_status" AS ENUM('admitted', 'ready', 'discharged', 'cancelled');--> statement-breakpoint
CREATE TABLE "discharge_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"stay_id" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" "discharge_status" NOT NULL,
	"hospital" text,
	"ward" text,
	"care_type" "discharge_care_type" DEFAULT 'somatic' NOT NULL,
	"sip_needed" boolean DEFAULT false NOT NULL,
	"needs" "discharge_need"[] DEFAULT '{}'::discharge_need[] NOT NULL,
	"expected_discharge_date" date,
	"ready_at" timestamp with time zone,
	"planned_discharge_at" timestamp with time zone,
	"discharged_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"proposed_visits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visits_confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_messages" (
	"message_id" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "discharge_message_kind" NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"content_hash" text NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discharge_settings" (
	"municipality_code" text NOT NULL,
	"care_type" "discharge_care_type" NOT NULL,
	"liability_days" smallint NOT NULL,
	"day_zero_counts" boolean NOT NULL,
	"cutoff_hour" smallint NOT NULL,
	"counts_working_days" boolean DEFAULT false NOT NULL,
	"daily_amount_sek" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discharge_settings_municipality_code_care_type_pk" PRIMARY KEY("municipality_code","care_type"),
	CONSTRAINT "discharge_liability_days" CHECK ("discharge_settings"."liability_days" between 0 and 90),
	CONSTRAINT "discharge_cutoff_hour" CHECK ("discharge_settings"."cutoff_hour" between 0 and 24),
	CONSTRAINT "discharge_daily_amount" CHECK ("discharge_settings"."daily_amount_sek" between 0 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "integration_client_municipalities" (
	"client_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "integration_client_municipalities_client_id_municipality_code_pk" PRIMARY KEY("client_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "integration_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "integration_clients_name_unique" UNIQUE("name"),
	CONSTRAINT "integration_clients_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "discharge_cases" ADD CONSTRAINT "discharge_cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_cases" ADD CONSTRAINT "discharge_cases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_messages" ADD CONSTRAINT "discharge_messages_case_id_discharge_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."discharge_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_messages" ADD CONSTRAINT "discharge_messages_client_id_integration_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discharge_settings" ADD CONSTRAINT "discharge_settings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_client_municipalities" ADD CONSTRAINT "integration_client_municipalities_client_id_integration_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_client_municipalities" ADD CONSTRAINT "integration_client_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "discharge_cases_municipality_code_stay_id_index" ON "discharge_cases" USING btree ("municipality_code","stay_id");--> statement-breakpoint
CREATE INDEX "discharge_cases_municipality_code_status_index" ON "discharge_cases" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE INDEX "discharge_cases_patient_id_index" ON "discharge_cases" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "discharge_messages_case_id_sent_at_index" ON "discharge_messages" USING btree ("case_id","sent_at");