-- Keeps advocate_search and advocate_facet_codes (0006) in step with advocates and accounts,
-- set-based: one statement-level trigger per write statement, whatever its size.
--
-- search_terms numbers every lexeme any advocate's full-text vector has ever held; an
-- advocate's term_ids are the numbers of its lexemes. A prefix query ("implem") expands to
-- term ids with a range scan here, then finds rows through the GIN index on term_ids.
--
-- facet_codes is a compact, self-delimiting binary record of an advocate's facet values,
-- decoded by src/domain/search/facet-codes.ts (keep the two in step):
--   u8  status (1-based position in the lifecycle list below, 0 unknown)
--   u8  orientation (1 technical, 2 business, 0 none)
--   u8  account reference status (1 referenceable, 2 restricted, 3 not referenceable)
--   2 ASCII bytes: country (ISO 3166-1 alpha-2; 0x0000 when none)
--   u16 industry, u16 seniority, u16 function (taxonomy_values.code; 0 when none)
--   i32 account employee count (-1 when unknown)
--   i64 last verified, epoch milliseconds (the i64 minimum when never)
--   then five lists, each a u8 count followed by that many u16 codes:
--   topics, use cases, products, languages, activity types the advocate said yes to.

-- The dictionary: "facet key" → taxonomy code, built once per statement.
CREATE OR REPLACE FUNCTION vouch_code_dictionary() RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(facet || ' ' || key, code), '{}'::jsonb) FROM taxonomy_values
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_byte(n integer) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT set_byte('\x00'::bytea, 0, n) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_code(p_dictionary jsonb, p_facet text, p_key text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT int2send(coalesce((p_dictionary ->> (p_facet || ' ' || p_key))::smallint, 0::smallint))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_code_list(p_dictionary jsonb, p_facet text, p_keys text[]) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT vouch_byte(count(*)::integer) || coalesce(string_agg(int2send(c.code), ''::bytea), ''::bytea)
  FROM (SELECT code FROM (SELECT DISTINCT (p_dictionary ->> (p_facet || ' ' || k))::smallint AS code FROM unnest(p_keys) k) known
        WHERE code IS NOT NULL LIMIT 255) c
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_search_codes(
  p_dictionary jsonb, p_status text, p_orientation text, p_reference_status text, p_country text,
  p_industry text, p_seniority text, p_function text, p_employee_count integer, p_verified_at timestamptz,
  p_topics text[], p_use_cases text[], p_products text[], p_languages text[], p_willing text[]
) RETURNS bytea
-- STABLE (extract and convert_to are), so the planner inlines it into the view: the list
-- functions it calls then keep one cached plan per statement instead of one per row.
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT vouch_byte(coalesce(array_position(ARRAY['nominated','in_review','interviewed','active','paused','retired','left_company'], p_status), 0))
    || vouch_byte(CASE p_orientation WHEN 'technical' THEN 1 WHEN 'business' THEN 2 ELSE 0 END)
    || vouch_byte(CASE p_reference_status WHEN 'referenceable' THEN 1 WHEN 'restricted' THEN 2 WHEN 'not_referenceable' THEN 3 ELSE 0 END)
    || CASE WHEN p_country ~ '^[A-Z]{2}$' THEN convert_to(p_country, 'UTF8') ELSE '\x0000'::bytea END
    || vouch_code(p_dictionary, 'industry', p_industry) || vouch_code(p_dictionary, 'seniority', p_seniority)
    || vouch_code(p_dictionary, 'function', p_function)
    || int4send(coalesce(p_employee_count, -1))
    || int8send(coalesce(floor(extract(epoch FROM p_verified_at) * 1000)::bigint, -9223372036854775808))
    || vouch_code_list(p_dictionary, 'topic', p_topics) || vouch_code_list(p_dictionary, 'use_case', p_use_cases)
    || vouch_code_list(p_dictionary, 'product', p_products) || vouch_code_list(p_dictionary, 'language', p_languages)
    || vouch_code_list(p_dictionary, 'activity_type', p_willing)
$$;
--> statement-breakpoint
-- Names and account name (A), title and topics (B), story (C).
CREATE OR REPLACE FUNCTION vouch_search_vector(
  p_first text, p_last text, p_account text, p_title text, p_topics text[], p_use_cases text[], p_situation text, p_solution text, p_outcomes text
) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(p_first, '') || ' ' || coalesce(p_last, '')), 'A') ||
         setweight(to_tsvector('simple', coalesce(p_account, '')), 'A') ||
         setweight(to_tsvector('english', coalesce(p_title, '')), 'B') ||
         setweight(to_tsvector('english', replace(array_to_string(p_topics || p_use_cases, ' '), '_', ' ')), 'B') ||
         setweight(to_tsvector('english', coalesce(p_situation, '') || ' ' || coalesce(p_solution, '') || ' ' || coalesce(p_outcomes, '')), 'C')
$$;
--> statement-breakpoint
-- What advocate_search should hold for every advocate, computed from advocates and accounts.
CREATE VIEW advocate_search_source AS
  SELECT a.id AS advocate_id, a.account_id, a.status, lower(a.last_name) AS sort_last, lower(a.first_name) AS sort_first,
    a.last_verified_at AS verified_at, acc.industry_key, acc.employee_count, acc.reference_status, a.country, a.seniority_key,
    a.function_key, a.orientation, a.topic_keys, a.use_case_keys, a.product_keys, a.language_keys, w.keys AS willing_keys,
    vouch_search_codes(d.dictionary, a.status, a.orientation, acc.reference_status, a.country, acc.industry_key, a.seniority_key,
      a.function_key, acc.employee_count, a.last_verified_at, a.topic_keys, a.use_case_keys, a.product_keys, a.language_keys, w.keys) AS facet_codes,
    vouch_search_vector(a.first_name, a.last_name, acc.name, a.title, a.topic_keys, a.use_case_keys, a.story_situation, a.story_solution,
      a.story_outcomes) AS search_vector
  FROM advocates a
  JOIN accounts acc ON acc.id = a.account_id
  -- OFFSET 0 keeps the dictionary one evaluation per statement instead of one per row.
  CROSS JOIN (SELECT vouch_code_dictionary() AS dictionary OFFSET 0) d
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}'::text[]) AS keys FROM jsonb_each_text(a.willingness) e WHERE e.value = 'yes') w;
--> statement-breakpoint
CREATE TABLE search_terms (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- "C" collation: byte order, so LIKE 'prefix%' is a range scan on the unique index.
  term text COLLATE "C" NOT NULL UNIQUE
);
--> statement-breakpoint
-- Rewrites the search rows of the given advocates: their search row first (facets, sort keys,
-- vector), then any lexeme new to search_terms, then their facet record with its term ids.
CREATE OR REPLACE FUNCTION vouch_write_advocate_search(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO advocate_search (advocate_id, account_id, status, sort_last, sort_first, verified_at, industry_key, employee_count,
    reference_status, country, seniority_key, function_key, orientation, topic_keys, use_case_keys, product_keys, language_keys,
    willing_keys, facet_codes, search_vector)
  SELECT advocate_id, account_id, status, sort_last, sort_first, verified_at, industry_key, employee_count,
    reference_status, country, seniority_key, function_key, orientation, topic_keys, use_case_keys, product_keys, language_keys,
    willing_keys, facet_codes, search_vector
  FROM advocate_search_source WHERE advocate_id = ANY(p_ids)
  ON CONFLICT (advocate_id) DO UPDATE SET
    account_id = excluded.account_id, status = excluded.status, sort_last = excluded.sort_last, sort_first = excluded.sort_first,
    verified_at = excluded.verified_at, industry_key = excluded.industry_key, employee_count = excluded.employee_count,
    reference_status = excluded.reference_status, country = excluded.country, seniority_key = excluded.seniority_key,
    function_key = excluded.function_key, orientation = excluded.orientation, topic_keys = excluded.topic_keys,
    use_case_keys = excluded.use_case_keys, product_keys = excluded.product_keys, language_keys = excluded.language_keys,
    willing_keys = excluded.willing_keys, facet_codes = excluded.facet_codes, search_vector = excluded.search_vector;

  INSERT INTO search_terms (term)
  SELECT DISTINCT l.term FROM advocate_search s CROSS JOIN unnest(tsvector_to_array(s.search_vector)) AS l(term)
  WHERE s.advocate_id = ANY(p_ids)
  ON CONFLICT (term) DO NOTHING;

  INSERT INTO advocate_facet_codes (advocate_id, account_id, facet_codes, term_ids)
  SELECT s.advocate_id, s.account_id, s.facet_codes, coalesce(array_agg(t.id) FILTER (WHERE t.id IS NOT NULL), '{}'::integer[])
  FROM advocate_search s
  LEFT JOIN LATERAL unnest(tsvector_to_array(s.search_vector)) AS l(term) ON true
  LEFT JOIN search_terms t ON t.term = l.term
  WHERE s.advocate_id = ANY(p_ids)
  GROUP BY s.advocate_id, s.account_id, s.facet_codes
  ON CONFLICT (advocate_id) DO UPDATE SET account_id = excluded.account_id, facet_codes = excluded.facet_codes, term_ids = excluded.term_ids;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_advocates_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_write_advocate_search(array(SELECT id FROM changed_advocates));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocates_inserted_refresh_search
  AFTER INSERT ON advocates REFERENCING NEW TABLE AS changed_advocates
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_advocates_changed();
--> statement-breakpoint
CREATE TRIGGER advocates_updated_refresh_search
  AFTER UPDATE ON advocates REFERENCING NEW TABLE AS changed_advocates
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_advocates_changed();
--> statement-breakpoint
-- An account's name and facets are part of its advocates' search rows.
CREATE OR REPLACE FUNCTION vouch_accounts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_write_advocate_search(array(
    SELECT a.id FROM changed_accounts n
    JOIN previous_accounts o ON o.id = n.id
    JOIN advocates a ON a.account_id = n.id
    WHERE (o.name, o.industry_key, o.employee_count, o.reference_status) IS DISTINCT FROM (n.name, n.industry_key, n.employee_count, n.reference_status)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_updated_refresh_search
  AFTER UPDATE ON accounts REFERENCING OLD TABLE AS previous_accounts NEW TABLE AS changed_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_accounts_changed();
--> statement-breakpoint
SELECT vouch_write_advocate_search(array(SELECT id FROM advocates));
