-- Child tables reference (clinic_id, id) pairs, so this must exist before their foreign keys.
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_id_unique" UNIQUE("clinic_id","id");--> statement-breakpoint
CREATE TYPE "public"."encounter_status" AS ENUM('created', 'recording', 'transcribing', 'generating', 'ready', 'signed', 'failed');--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"created_by" uuid,
	"language" text NOT NULL,
	"template" text NOT NULL,
	"status" "encounter_status" DEFAULT 'created' NOT NULL,
	"failure_reason" text,
	"audio_source" text,
	"audio_key" text,
	"audio_bytes" bigint,
	"audio_sha256" text,
	"audio_mime_type" text,
	"chunk_count" integer,
	"audio_completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "encounters_clinic_id_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "audio_chunks" (
	"clinic_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"object_key" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"duration_sec" real,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audio_chunks_encounter_id_seq_pk" PRIMARY KEY("encounter_id","seq")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"object_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_chunks" ADD CONSTRAINT "audio_chunks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_chunks" ADD CONSTRAINT "audio_chunks_clinic_id_encounter_id_encounters_clinic_id_id_fk" FOREIGN KEY ("clinic_id","encounter_id") REFERENCES "public"."encounters"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_clinic_id_patient_id_patients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","patient_id") REFERENCES "public"."patients"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "encounters_patient_idx" ON "encounters" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_patient_idx" ON "documents" USING btree ("clinic_id","patient_id","created_at");--> statement-breakpoint--> statement-breakpoint

-- Row-level security and grants, as for every tenant table (see 0001_tenant_security.sql).
GRANT SELECT, INSERT, UPDATE, DELETE ON encounters TO healthcare_app;
--> statement-breakpoint
ALTER TABLE encounters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY encounters_tenant ON encounters
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON audio_chunks TO healthcare_app;
--> statement-breakpoint
ALTER TABLE audio_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audio_chunks_tenant ON audio_chunks
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO healthcare_app;
--> statement-breakpoint
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY documents_tenant ON documents
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
