ALTER TABLE "import_row_results" DROP CONSTRAINT "import_row_results_job_id_import_jobs_id_fk";
--> statement-breakpoint
ALTER TABLE "advocate_facet_codes" DROP CONSTRAINT "advocate_facet_codes_advocate_id_advocates_id_fk";
--> statement-breakpoint
ALTER TABLE "advocate_search" DROP CONSTRAINT "advocate_search_advocate_id_advocates_id_fk";
--> statement-breakpoint
-- The foreign keys above checked every written row against its parent, one lookup per row: on a
-- 100k-advocate import about a sixth of each advocate insert and half of each report row. The
-- triggers write these rows only for parents that exist in the same transaction; what the
-- cascades did on delete, a statement-level trigger on the parent does now, set-based.
CREATE OR REPLACE FUNCTION vouch_advocates_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM advocate_search s USING removed_advocates r WHERE s.advocate_id = r.id;
  DELETE FROM advocate_facet_codes f USING removed_advocates r WHERE f.advocate_id = r.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocates_deleted_remove_search
  AFTER DELETE ON advocates REFERENCING OLD TABLE AS removed_advocates
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_advocates_deleted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_import_jobs_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM import_row_results x USING removed_jobs r WHERE x.job_id = r.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER import_jobs_deleted_remove_results
  AFTER DELETE ON import_jobs REFERENCING OLD TABLE AS removed_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_import_jobs_deleted();
