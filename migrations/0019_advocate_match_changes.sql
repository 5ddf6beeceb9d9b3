CREATE TABLE "advocate_match_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advocate_match_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"advocate_ids" uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_match_horizons" (
	"taken_at" timestamp with time zone PRIMARY KEY DEFAULT now() NOT NULL,
	"oldest_running" "xid8" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "advocate_match_changes_xid_idx" ON "advocate_match_changes" USING btree ("xid");--> statement-breakpoint
-- Every write to advocate_match (the match triggers' delete and insert, the last-used updates, a
-- cascade from a deleted advocate) logs its advocates: one row per statement, not per advocate,
-- so a 100k import adds a few dozen rows. Empty statements log nothing.
CREATE OR REPLACE FUNCTION vouch_log_advocate_match_new() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO advocate_match_changes (advocate_ids)
  SELECT array_agg(advocate_id) FROM changed_match HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_log_advocate_match_old() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO advocate_match_changes (advocate_ids)
  SELECT array_agg(advocate_id) FROM removed_match HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocate_match_inserted_log
  AFTER INSERT ON advocate_match REFERENCING NEW TABLE AS changed_match
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_log_advocate_match_new();
--> statement-breakpoint
CREATE TRIGGER advocate_match_updated_log
  AFTER UPDATE ON advocate_match REFERENCING NEW TABLE AS changed_match
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_log_advocate_match_new();
--> statement-breakpoint
CREATE TRIGGER advocate_match_deleted_log
  AFTER DELETE ON advocate_match REFERENCING OLD TABLE AS removed_match
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_log_advocate_match_old();
