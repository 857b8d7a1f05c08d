-- An archived template is left out of the pickers and refused for new notes; the encounters and
-- notes already written with it keep working, so unlike a deletion it loses nothing.
ALTER TABLE "note_templates" ADD COLUMN "archived_at" timestamp with time zone;