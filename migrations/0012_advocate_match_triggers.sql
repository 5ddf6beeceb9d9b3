-- Keeps advocate_match in step with advocates, accounts, blackouts and activities, set-based:
-- one statement-level trigger per write statement, whatever its size (like 0007).
--
-- A row exists for every active advocate at a referenceable or restricted account. The list
-- facets are bit masks (src/services/matching/match-dictionary.ts computes the same bits):
-- topics, products, use cases and activity types set bit n for the value with the n-th
-- smallest taxonomy code of its facet (exact while a facet has at most 62 values; later values
-- share bit 62, and matching then confirms on the advocate's own record); languages set bit
-- (code % 62), a hint only: the exact test reads language_keys. Region and sub-region come
-- from the country's taxonomy attributes.
CREATE OR REPLACE FUNCTION vouch_match_dictionary() RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(facet || ' ' || key, bit), '{}'::jsonb) FROM (
    SELECT facet, key, CASE WHEN facet = 'language' THEN code % 62 ELSE least(62, row_number() OVER (PARTITION BY facet ORDER BY code) - 1) END AS bit
    FROM taxonomy_values WHERE facet IN ('topic', 'product', 'use_case', 'activity_type', 'language')) v
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_match_mask(p_dictionary jsonb, p_facet text, p_keys text[]) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(bit_or(1::bigint << (p_dictionary ->> (p_facet || ' ' || k))::integer), 0)
  FROM unnest(p_keys) k WHERE p_dictionary ? (p_facet || ' ' || k)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_write_advocate_match(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM advocate_match WHERE advocate_id = ANY(p_ids);
  INSERT INTO advocate_match (advocate_id, account_id, referenceable, industry, sector, seniority, seniority_rank, function, orientation,
    size_bucket, employee_count, topics, products, use_cases, languages, unwilling, last_used_on, country, subregion, region, blackouts,
    language_keys)
  SELECT a.id, a.account_id, acc.reference_status = 'referenceable', coalesce(ind.code, 0), coalesce(sec.code, 0),
    coalesce(sen.code, 0), coalesce((sen.attributes ->> 'rank')::smallint, 0), coalesce(fn.code, 0),
    CASE a.orientation WHEN 'technical' THEN 1 WHEN 'business' THEN 2 ELSE 0 END,
    CASE WHEN acc.employee_count > 0 THEN round(ln(acc.employee_count) * 2)::smallint ELSE -1 END, acc.employee_count,
    vouch_match_mask(d.dictionary, 'topic', a.topic_keys), vouch_match_mask(d.dictionary, 'product', a.product_keys),
    vouch_match_mask(d.dictionary, 'use_case', a.use_case_keys), vouch_match_mask(d.dictionary, 'language', a.language_keys),
    vouch_match_mask(d.dictionary, 'activity_type', w.keys),
    (SELECT max(x.occurs_on) FROM activities x WHERE x.advocate_id = a.id AND x.status IN ('held', 'planned', 'happened')),
    a.country, ctry.attributes ->> 'subregion', ctry.attributes ->> 'region',
    (SELECT range_agg(daterange(b.starts_on, b.ends_on, '[]')) FROM advocate_blackouts b WHERE b.advocate_id = a.id),
    a.language_keys
  FROM advocates a
  JOIN accounts acc ON acc.id = a.account_id
  -- OFFSET 0 keeps the dictionary one evaluation per statement instead of one per row.
  CROSS JOIN (SELECT vouch_match_dictionary() AS dictionary OFFSET 0) d
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(e.key), '{}'::text[]) AS keys FROM jsonb_each_text(a.willingness) e WHERE e.value = 'no') w
  LEFT JOIN taxonomy_values ind ON ind.facet = 'industry' AND ind.key = acc.industry_key
  LEFT JOIN taxonomy_values sec ON sec.facet = 'industry' AND sec.key = ind.parent_key
  LEFT JOIN taxonomy_values sen ON sen.facet = 'seniority' AND sen.key = a.seniority_key
  LEFT JOIN taxonomy_values fn ON fn.facet = 'function' AND fn.key = a.function_key
  LEFT JOIN taxonomy_values ctry ON ctry.facet = 'country' AND ctry.key = a.country
  WHERE a.id = ANY(p_ids) AND a.status = 'active' AND acc.reference_status IN ('referenceable', 'restricted');
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_advocates_inserted_match() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_write_advocate_match(array(SELECT id FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only changes that matching reads (edits of names, stories or points leave the row alone).
CREATE OR REPLACE FUNCTION vouch_advocates_updated_match() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_write_advocate_match(array(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.status, n.account_id, n.seniority_key, n.function_key, n.orientation, n.country, n.topic_keys, n.product_keys,
           n.use_case_keys, n.language_keys, n.willingness)
      IS DISTINCT FROM (o.status, o.account_id, o.seniority_key, o.function_key, o.orientation, o.country, o.topic_keys, o.product_keys,
           o.use_case_keys, o.language_keys, o.willingness)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocates_inserted_refresh_match
  AFTER INSERT ON advocates REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_advocates_inserted_match();
--> statement-breakpoint
CREATE TRIGGER advocates_updated_refresh_match
  AFTER UPDATE ON advocates REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_advocates_updated_match();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_accounts_updated_match() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vouch_write_advocate_match(array(
    SELECT a.id FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN advocates a ON a.account_id = n.id
    WHERE (n.industry_key, n.employee_count, n.reference_status) IS DISTINCT FROM (o.industry_key, o.employee_count, o.reference_status)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_updated_refresh_match
  AFTER UPDATE ON accounts REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_accounts_updated_match();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_refresh_match_blackouts(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE advocate_match m
     SET blackouts = (SELECT range_agg(daterange(b.starts_on, b.ends_on, '[]')) FROM advocate_blackouts b WHERE b.advocate_id = m.advocate_id)
   WHERE m.advocate_id = ANY(p_ids);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_blackouts_changed_match() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vouch_refresh_match_blackouts(array(SELECT DISTINCT advocate_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vouch_refresh_match_blackouts(array(SELECT advocate_id FROM new_rows UNION SELECT advocate_id FROM old_rows));
  ELSE
    PERFORM vouch_refresh_match_blackouts(array(SELECT DISTINCT advocate_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER advocate_blackouts_inserted_refresh_match
  AFTER INSERT ON advocate_blackouts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_blackouts_changed_match();
--> statement-breakpoint
CREATE TRIGGER advocate_blackouts_updated_refresh_match
  AFTER UPDATE ON advocate_blackouts REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_blackouts_changed_match();
--> statement-breakpoint
CREATE TRIGGER advocate_blackouts_deleted_refresh_match
  AFTER DELETE ON advocate_blackouts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_blackouts_changed_match();
--> statement-breakpoint
-- The latest counted use (rotation: the least recently used first among equals).
CREATE OR REPLACE FUNCTION vouch_refresh_match_last_used(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE advocate_match m
     SET last_used_on = (SELECT max(x.occurs_on) FROM activities x WHERE x.advocate_id = m.advocate_id AND x.status IN ('held', 'planned', 'happened'))
   WHERE m.advocate_id = ANY(p_ids);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_activities_changed_match() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vouch_refresh_match_last_used(array(SELECT DISTINCT advocate_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vouch_refresh_match_last_used(array(
      SELECT n.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.status, n.occurs_on, n.advocate_id) IS DISTINCT FROM (o.status, o.occurs_on, o.advocate_id)
      UNION
      SELECT o.advocate_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.advocate_id IS DISTINCT FROM o.advocate_id));
  ELSE
    PERFORM vouch_refresh_match_last_used(array(SELECT DISTINCT advocate_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activities_inserted_refresh_match
  AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_match();
--> statement-breakpoint
CREATE TRIGGER activities_updated_refresh_match
  AFTER UPDATE ON activities REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_match();
--> statement-breakpoint
CREATE TRIGGER activities_deleted_refresh_match
  AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vouch_activities_changed_match();
--> statement-breakpoint
-- Rows for the advocates that exist already.
SELECT vouch_write_advocate_match(array(SELECT id FROM advocates));
