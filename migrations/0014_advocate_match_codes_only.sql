ALTER TABLE "advocate_match" DROP COLUMN "country";--> statement-breakpoint
ALTER TABLE "advocate_match" DROP COLUMN "subregion";--> statement-breakpoint
ALTER TABLE "advocate_match" DROP COLUMN "region";--> statement-breakpoint
ALTER TABLE "advocate_match" DROP COLUMN "language_keys";--> statement-breakpoint
-- Geography as small integers: the country's taxonomy code, and for its sub-region and region
-- the smallest code of a country in them (src/services/matching/match-dictionary.ts computes
-- the same). Languages: the hint mask only; exact language tests read the advocate's record.
CREATE OR REPLACE FUNCTION vouch_match_geography() RETURNS TABLE (key text, country_code smallint, subregion_code smallint, region_code smallint)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT c.key, c.code,
    coalesce(min(c.code) OVER (PARTITION BY c.attributes ->> 'subregion'), 0)::smallint,
    coalesce(min(c.code) OVER (PARTITION BY c.attributes ->> 'region'), 0)::smallint
  FROM taxonomy_values c WHERE c.facet = 'country'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vouch_write_advocate_match(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM advocate_match WHERE advocate_id = ANY(p_ids);
  INSERT INTO advocate_match (advocate_id, account_id, referenceable, industry, sector, seniority, seniority_rank, function, orientation,
    size_bucket, employee_count, topics, products, use_cases, languages, unwilling, last_used_on, country_code, subregion_code, region_code,
    blackouts)
  SELECT a.id, a.account_id, acc.reference_status = 'referenceable', coalesce(ind.code, 0), coalesce(sec.code, 0),
    coalesce(sen.code, 0), coalesce((sen.attributes ->> 'rank')::smallint, 0), coalesce(fn.code, 0),
    CASE a.orientation WHEN 'technical' THEN 1 WHEN 'business' THEN 2 ELSE 0 END,
    CASE WHEN acc.employee_count > 0 THEN round(ln(acc.employee_count) * 2)::smallint ELSE -1 END, acc.employee_count,
    vouch_match_mask(d.dictionary, 'topic', a.topic_keys), vouch_match_mask(d.dictionary, 'product', a.product_keys),
    vouch_match_mask(d.dictionary, 'use_case', a.use_case_keys), vouch_match_mask(d.dictionary, 'language', a.language_keys),
    vouch_match_mask(d.dictionary, 'activity_type', w.keys),
    (SELECT max(x.occurs_on) FROM activities x WHERE x.advocate_id = a.id AND x.status IN ('held', 'planned', 'happened')),
    coalesce(g.country_code, 0), coalesce(g.subregion_code, 0), coalesce(g.region_code, 0),
    (SELECT range_agg(daterange(b.starts_on, b.ends_on, '[]')) FROM advocate_blackouts b WHERE b.advocate_id = a.id)
  FROM advocates a
  JOIN accounts acc ON acc.id = a.account_id
  -- OFFSET 0 keeps the dictionary one evaluation per statement instead of one per row.
  CROSS JOIN (SELECT vouch_match_dictionary() AS dictionary OFFSET 0) d
  CROSS JOIN LATERAL (SELECT coalesce(array_agg(e.key), '{}'::text[]) AS keys FROM jsonb_each_text(a.willingness) e WHERE e.value = 'no') w
  LEFT JOIN taxonomy_values ind ON ind.facet = 'industry' AND ind.key = acc.industry_key
  LEFT JOIN taxonomy_values sec ON sec.facet = 'industry' AND sec.key = ind.parent_key
  LEFT JOIN taxonomy_values sen ON sen.facet = 'seniority' AND sen.key = a.seniority_key
  LEFT JOIN taxonomy_values fn ON fn.facet = 'function' AND fn.key = a.function_key
  LEFT JOIN (SELECT * FROM vouch_match_geography() OFFSET 0) g ON g.key = a.country
  WHERE a.id = ANY(p_ids) AND a.status = 'active' AND acc.reference_status IN ('referenceable', 'restricted');
$$;
--> statement-breakpoint
SELECT vouch_write_advocate_match(array(SELECT id FROM advocates));
