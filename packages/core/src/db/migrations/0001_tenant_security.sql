-- Tenant isolation, second wall: even a query that forgets its WHERE clause cannot
-- see another clinic's rows, because the application logs in as healthcare_app, a role
-- that owns nothing, cannot bypass row-level security, and only sees rows whose
-- clinic_id matches the per-transaction setting app.clinic_id.

DO $$
BEGIN
  CREATE ROLE healthcare_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Roles are cluster-wide: another database on this server may have created it already.
  ALTER ROLE healthcare_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO healthcare_app;
--> statement-breakpoint

-- NULL when unset or reset at the end of a transaction; every policy then matches nothing.
CREATE FUNCTION app_current_clinic_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;
--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE ON clinics TO healthcare_app;
--> statement-breakpoint
ALTER TABLE clinics ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY clinics_tenant ON clinics
  USING (id = app_current_clinic_id()) WITH CHECK (id = app_current_clinic_id());
--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE ON users TO healthcare_app;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_tenant ON users
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO healthcare_app;
--> statement-breakpoint
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY refresh_tokens_tenant ON refresh_tokens
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE, DELETE ON patients TO healthcare_app;
--> statement-breakpoint
ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY patients_tenant ON patients
  USING (clinic_id = app_current_clinic_id()) WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint

-- Append-only for the application: no UPDATE or DELETE grant and no policy that would allow them.
GRANT SELECT, INSERT ON audit_events TO healthcare_app;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_read ON audit_events FOR SELECT
  USING (clinic_id = app_current_clinic_id());
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT
  WITH CHECK (clinic_id = app_current_clinic_id());
--> statement-breakpoint

-- Two lookups must happen before the clinic is known: login (by email) and refresh (by
-- token hash). Each is a narrow SECURITY DEFINER function that returns only what the
-- next step needs; the application then sets app.clinic_id and continues under RLS.
CREATE FUNCTION app_find_login(p_email text)
  RETURNS TABLE (user_id uuid, clinic_id uuid, password_hash text, disabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT u.id, u.clinic_id, u.password_hash, u.disabled_at IS NOT NULL
    FROM public.users u
    WHERE lower(u.email) = lower(p_email)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_find_login(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_find_login(text) TO healthcare_app;
--> statement-breakpoint

CREATE FUNCTION app_find_refresh_token_clinic(p_token_hash text)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT r.clinic_id FROM public.refresh_tokens r WHERE r.token_hash = p_token_hash $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_find_refresh_token_clinic(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_find_refresh_token_clinic(text) TO healthcare_app;
