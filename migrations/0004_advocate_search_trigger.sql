-- Full-text search over advocates: names and account name (A), title and topics (B), story (C).
-- A trigger keeps the vector current, including when the account is renamed.
CREATE OR REPLACE FUNCTION vouch_advocate_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.first_name, '') || ' ' || coalesce(NEW.last_name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce((SELECT name FROM accounts WHERE id = NEW.account_id), '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'B') ||
    setweight(to_tsvector('english', replace(array_to_string(NEW.topic_keys || NEW.use_case_keys, ' '), '_', ' ')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.story_situation, '') || ' ' || coalesce(NEW.story_solution, '') || ' ' || coalesce(NEW.story_outcomes, '')), 'C');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocates_search_vector
  BEFORE INSERT OR UPDATE OF first_name, last_name, account_id, title, topic_keys, use_case_keys, story_situation, story_solution, story_outcomes, search_vector
  ON advocates FOR EACH ROW EXECUTE FUNCTION vouch_advocate_search_vector();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_account_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE advocates SET search_vector = NULL WHERE account_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_renamed_refresh_search
  AFTER UPDATE OF name ON accounts FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION vouch_account_renamed();
--> statement-breakpoint
UPDATE advocates SET search_vector = NULL;
