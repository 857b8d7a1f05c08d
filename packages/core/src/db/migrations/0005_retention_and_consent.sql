ALTER TABLE "audit_events" ADD COLUMN "patient_pseudonym" text;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "consent_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "consent_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "consent_wording" text;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "consent_language" text;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "audio_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_consent_confirmed_by_users_id_fk" FOREIGN KEY ("consent_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint

-- Erasure keeps the access trail (a legal duty that outlives the data) but no longer names the
-- patient: their id gives way to a keyed hash. The trail stays append-only for the application;
-- this one narrow function, for the current clinic only, is the sole way to change a row.
CREATE FUNCTION app_pseudonymize_patient_audit(p_patient_id uuid, p_pseudonym text)
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    WITH changed AS (
      UPDATE public.audit_events a
      SET patient_id = NULL,
          patient_pseudonym = p_pseudonym,
          resource_id = CASE WHEN a.resource_id = p_patient_id THEN NULL ELSE a.resource_id END
      WHERE a.clinic_id = public.app_current_clinic_id()
        AND (a.patient_id = p_patient_id OR a.resource_id = p_patient_id)
      RETURNING 1
    )
    SELECT count(*)::integer FROM changed
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_pseudonymize_patient_audit(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_pseudonymize_patient_audit(uuid, text) TO healthcare_app;
--> statement-breakpoint

-- The audio retention job sweeps every clinic, before any clinic is known: this returns only
-- the ids of encounters whose note was signed long enough ago and whose audio is still kept;
-- the deletion itself then runs under row-level security, clinic by clinic.
CREATE FUNCTION app_find_expired_audio(p_retention_days integer, p_limit integer)
  RETURNS TABLE (clinic_id uuid, encounter_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT e.clinic_id, e.id
    FROM public.encounters e
    JOIN public.notes n ON n.clinic_id = e.clinic_id AND n.encounter_id = e.id
    WHERE n.signed_at IS NOT NULL
      AND n.signed_at <= now() - make_interval(days => p_retention_days)
      AND e.audio_deleted_at IS NULL
    ORDER BY n.signed_at
    LIMIT p_limit
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_find_expired_audio(integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_find_expired_audio(integer, integer) TO healthcare_app;
