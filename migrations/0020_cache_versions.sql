CREATE TABLE "cache_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "cache_versions" ("name", "version") VALUES ('taxonomy', 0);
--> statement-breakpoint
-- Any write to the taxonomy (add, rename, retire, merge, attributes) makes every instance reload
-- the matching dictionary it derived from it.
CREATE OR REPLACE FUNCTION vouch_taxonomy_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cache_versions SET version = version + 1 WHERE name = 'taxonomy';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER taxonomy_values_changed_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON taxonomy_values
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_taxonomy_changed();
