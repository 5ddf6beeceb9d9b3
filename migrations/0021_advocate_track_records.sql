CREATE TABLE "advocate_track_records" (
	"advocate_id" uuid PRIMARY KEY NOT NULL,
	"asked" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rated" integer NOT NULL,
	"met_needs" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocate_track_records" ADD CONSTRAINT "advocate_track_records_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recounts the track records of these advocates from their candidates, uses and requester
-- debriefs (a row for each, zeros included). Debriefs are probed per use through their unique
-- index; OFFSET 0 keeps the probe one per use instead of one per count.
CREATE OR REPLACE FUNCTION vouch_refresh_track_records(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO advocate_track_records (advocate_id, asked, accepted, rated, met_needs)
  SELECT v.id, c.asked, c.accepted, r.rated, r.met
  FROM advocates v
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.asked_at IS NOT NULL AND x.status <> 'advocate_pending')::int AS asked,
           count(*) FILTER (WHERE x.status IN ('accepted', 'dates_proposed', 'scheduled', 'happened', 'did_not_happen'))::int AS accepted
    FROM request_candidates x WHERE x.advocate_id = v.id) c
  CROSS JOIN LATERAL (
    SELECT count(u.met_needs)::int AS rated, count(*) FILTER (WHERE u.met_needs >= 4)::int AS met
    FROM (SELECT (SELECT d.met_needs FROM debriefs d WHERE d.activity_id = x.id AND d.side = 'requester') AS met_needs
          FROM activities x WHERE x.advocate_id = v.id AND x.status IN ('happened', 'did_not_happen') OFFSET 0) u) r
  WHERE v.id = ANY(p_ids)
  ON CONFLICT (advocate_id) DO UPDATE
    SET asked = excluded.asked, accepted = excluded.accepted, rated = excluded.rated, met_needs = excluded.met_needs
    WHERE (advocate_track_records.asked, advocate_track_records.accepted, advocate_track_records.rated, advocate_track_records.met_needs)
          IS DISTINCT FROM (excluded.asked, excluded.accepted, excluded.rated, excluded.met_needs);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_candidates_changed_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT advocate_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vouch_refresh_track_records(array(
      SELECT n.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.status, n.asked_at IS NULL, n.advocate_id) IS DISTINCT FROM (o.status, o.asked_at IS NULL, o.advocate_id)
      UNION
      SELECT o.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.advocate_id IS DISTINCT FROM o.advocate_id));
  ELSE
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT advocate_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_candidates_inserted_refresh_track
  AFTER INSERT ON request_candidates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_candidates_changed_track();
--> statement-breakpoint
CREATE TRIGGER request_candidates_updated_refresh_track
  AFTER UPDATE ON request_candidates REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_candidates_changed_track();
--> statement-breakpoint
CREATE TRIGGER request_candidates_deleted_refresh_track
  AFTER DELETE ON request_candidates REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_candidates_changed_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_activities_changed_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT advocate_id FROM new_rows WHERE status IN ('happened', 'did_not_happen')));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vouch_refresh_track_records(array(
      SELECT n.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.status, n.advocate_id) IS DISTINCT FROM (o.status, o.advocate_id)
      UNION
      SELECT o.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.advocate_id IS DISTINCT FROM o.advocate_id));
  ELSE
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT advocate_id FROM old_rows WHERE status IN ('happened', 'did_not_happen')));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activities_inserted_refresh_track
  AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_track();
--> statement-breakpoint
CREATE TRIGGER activities_updated_refresh_track
  AFTER UPDATE ON activities REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_track();
--> statement-breakpoint
CREATE TRIGGER activities_deleted_refresh_track
  AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_track();
--> statement-breakpoint
-- A requester debrief written, changed or removed: its use's advocate (removed with the use, the
-- use's own trigger recounts).
CREATE OR REPLACE FUNCTION vouch_debriefs_changed_track() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT x.advocate_id FROM old_rows d JOIN activities x ON x.id = d.activity_id WHERE d.side = 'requester'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vouch_refresh_track_records(array(
      SELECT DISTINCT x.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN activities x ON x.id IN (n.activity_id, o.activity_id)
       WHERE (n.met_needs, n.side, n.activity_id) IS DISTINCT FROM (o.met_needs, o.side, o.activity_id)));
  ELSE
    PERFORM vouch_refresh_track_records(array(SELECT DISTINCT x.advocate_id FROM new_rows d JOIN activities x ON x.id = d.activity_id WHERE d.side = 'requester'));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER debriefs_inserted_refresh_track
  AFTER INSERT ON debriefs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_debriefs_changed_track();
--> statement-breakpoint
CREATE TRIGGER debriefs_updated_refresh_track
  AFTER UPDATE ON debriefs REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_debriefs_changed_track();
--> statement-breakpoint
CREATE TRIGGER debriefs_deleted_refresh_track
  AFTER DELETE ON debriefs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_debriefs_changed_track();
--> statement-breakpoint
-- Track records for the history written before this migration.
SELECT vouch_refresh_track_records(array(SELECT advocate_id FROM request_candidates UNION SELECT advocate_id FROM activities WHERE status IN ('happened', 'did_not_happen')));
