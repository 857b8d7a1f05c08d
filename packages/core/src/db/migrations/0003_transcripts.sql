CREATE TABLE "transcript_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_index" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"start_sec" real NOT NULL,
	"end_sec" real NOT NULL,
	"text" text NOT NULL,
	"speaker" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_segments_unit_unique" UNIQUE("encounter_id","source","source_index","ordinal")
);
--> statement-breakpoint
CREATE TABLE "transcribed_windows" (
	"clinic_id" uuid NOT NULL,
	"encounter_id" uuid NOT NULL,
	"window_index" integer NOT NULL,
	"start_sec" real NOT NULL,
	"duration_sec" real NOT NULL,
	"transcribed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcribed_windows_encounter_id_window_index_pk" PRIMARY KEY("encounter_id","window_index")
);
--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "audio_duration_sec" real;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "transcript_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audio_chunks" ADD COLUMN "transcribed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_clinic_id_encounter_id_encounters_clinic_id_id_fk" FOREIGN KEY ("clinic_id","encounter_id") REFERENCES "public"."encounters"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcribed_windows" ADD CONSTRAINT "transcribed_windows_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcribed_windows" ADD CONSTRAINT "transcribed_windows_clinic_id_encounter_id_encounters_clinic_id_id_fk" FOREIGN KEY ("clinic_id","encounter_id") REFERENCES "public"."encounters"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transcript_segments_encounter_time_idx" ON "transcript_segments" USING btree ("encounter_id","start_sec");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON transcript_segments TO healthcare_app;
--> statement-breakpoint
ALTER TABLE transcript_segments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY transcript_segments_tenant ON transcript_segments
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON transcribed_windows TO healthcare_app;
--> statement-breakpoint
ALTER TABLE transcribed_windows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY transcribed_windows_tenant ON transcribed_windows
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
