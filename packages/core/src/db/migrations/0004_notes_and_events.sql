CREATE TABLE "note_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_templates_clinic_key_unique" UNIQUE("clinic_id","key")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"current_version" integer NOT NULL,
	"template" text NOT NULL,
	"language" text NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_encounter_unique" UNIQUE("encounter_id"),
	CONSTRAINT "notes_clinic_id_id_unique" UNIQUE("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "note_versions" (
	"clinic_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"sections" jsonb NOT NULL,
	"author_id" uuid,
	"model" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_versions_note_id_version_pk" PRIMARY KEY("note_id","version")
);
--> statement-breakpoint
CREATE TABLE "note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounter_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "encounter_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clinic_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_clinic_id_encounter_id_encounters_clinic_id_id_fk" FOREIGN KEY ("clinic_id","encounter_id") REFERENCES "public"."encounters"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_versions" ADD CONSTRAINT "note_versions_clinic_id_note_id_notes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","note_id") REFERENCES "public"."notes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_clinic_id_note_id_notes_clinic_id_id_fk" FOREIGN KEY ("clinic_id","note_id") REFERENCES "public"."notes"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_events" ADD CONSTRAINT "encounter_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_events" ADD CONSTRAINT "encounter_events_clinic_id_encounter_id_encounters_clinic_id_id_fk" FOREIGN KEY ("clinic_id","encounter_id") REFERENCES "public"."encounters"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_addenda_note_idx" ON "note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE INDEX "encounter_events_encounter_idx" ON "encounter_events" USING btree ("encounter_id","id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON note_templates TO healthcare_app;
--> statement-breakpoint
ALTER TABLE note_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_templates_tenant ON note_templates
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO healthcare_app;
--> statement-breakpoint
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notes_tenant ON notes
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON note_versions TO healthcare_app;
--> statement-breakpoint
ALTER TABLE note_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_versions_tenant ON note_versions
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON note_addenda TO healthcare_app;
--> statement-breakpoint
ALTER TABLE note_addenda ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_addenda_tenant ON note_addenda
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON encounter_events TO healthcare_app;
--> statement-breakpoint
ALTER TABLE encounter_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY encounter_events_tenant ON encounter_events
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
