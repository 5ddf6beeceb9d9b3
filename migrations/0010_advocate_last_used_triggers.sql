-- Keeps advocate_search.last_used_on (the "last used" sort and matching's rotation) equal to
-- the latest occurs_on of the advocate's counted activities (held, planned, happened).
-- Statement-level, like the search triggers of 0007: one pass per statement, whatever its size.
CREATE FUNCTION vouch_refresh_last_used(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE advocate_search s
     SET last_used_on = (
       SELECT max(a.occurs_on) FROM activities a
        WHERE a.advocate_id = s.advocate_id AND a.status IN ('held', 'planned', 'happened'))
   WHERE s.advocate_id = ANY(ids);
$$;
--> statement-breakpoint
CREATE FUNCTION vouch_activities_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_refresh_last_used(ARRAY(SELECT DISTINCT advocate_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION vouch_activities_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_refresh_last_used(ARRAY(
    SELECT DISTINCT n.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.status IS DISTINCT FROM o.status OR n.occurs_on IS DISTINCT FROM o.occurs_on OR n.advocate_id IS DISTINCT FROM o.advocate_id
    UNION
    SELECT o.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.advocate_id IS DISTINCT FROM o.advocate_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION vouch_activities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_refresh_last_used(ARRAY(SELECT DISTINCT advocate_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_inserted_refresh_last_used AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_inserted();
--> statement-breakpoint
CREATE TRIGGER activities_updated_refresh_last_used AFTER UPDATE ON activities
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_updated();
--> statement-breakpoint
CREATE TRIGGER activities_deleted_refresh_last_used AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_deleted();
--> statement-breakpoint
-- Backfill for activities written before this migration.
UPDATE advocate_search s SET last_used_on = u.last_used
  FROM (SELECT advocate_id, max(occurs_on) AS last_used FROM activities WHERE status IN ('held', 'planned', 'happened') GROUP BY advocate_id) u
 WHERE u.advocate_id = s.advocate_id;
