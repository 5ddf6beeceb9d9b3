import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { GeneratedAccount, GeneratedAdvocate } from './generate-program.js';

const BATCH = 5_000;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** Inserts a generated program with set-based SQL (jsonb_to_recordset), a batch at a time. */
export async function insertProgram(db: Executor, program: { accounts: GeneratedAccount[]; advocates: GeneratedAdvocate[] }): Promise<void> {
  for (const rows of batches(program.accounts)) {
    await db.execute(sql`
      insert into accounts (id, name, industry_key, annual_revenue_usd, employee_count, hq_country, product_keys, use_case_keys,
        deployment, go_live_date, customer_since, seats, owner_user_id, reference_status, restriction_reason, crm_id)
      select id, name, "industryKey", "annualRevenueUsd", "employeeCount", "hqCountry",
        array(select jsonb_array_elements_text("productKeys")), array(select jsonb_array_elements_text("useCaseKeys")),
        deployment, "goLiveDate", "customerSince", seats, "ownerUserId", "referenceStatus", "restrictionReason", "crmId"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, name text, "industryKey" text, "annualRevenueUsd" bigint, "employeeCount" int, "hqCountry" text,
        "productKeys" jsonb, "useCaseKeys" jsonb, deployment text, "goLiveDate" date, "customerSince" date, seats int,
        "ownerUserId" uuid, "referenceStatus" text, "restrictionReason" text, "crmId" text)`);
  }
  for (const rows of batches(program.advocates)) {
    await db.execute(sql`
      insert into advocates (id, account_id, first_name, last_name, email, phone, title, seniority_key, function_key, orientation,
        country, time_zone, language_keys, topic_keys, use_case_keys, product_keys, story_situation, story_solution, story_outcomes,
        willingness, status, consent, last_verified_at, points, crm_id)
      select id, "accountId", "firstName", "lastName", email, phone, title, "seniorityKey", "functionKey", orientation,
        country, "timeZone", array(select jsonb_array_elements_text("languageKeys")), array(select jsonb_array_elements_text("topicKeys")),
        array(select jsonb_array_elements_text("useCaseKeys")), array(select jsonb_array_elements_text("productKeys")),
        "storySituation", "storySolution", "storyOutcomes", willingness, status, consent, "lastVerifiedAt", points, "crmId"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, "accountId" uuid, "firstName" text, "lastName" text, email text, phone text, title text, "seniorityKey" text,
        "functionKey" text, orientation text, country text, "timeZone" text, "languageKeys" jsonb, "topicKeys" jsonb,
        "useCaseKeys" jsonb, "productKeys" jsonb, "storySituation" text, "storySolution" text, "storyOutcomes" text,
        willingness jsonb, status text, consent jsonb, "lastVerifiedAt" timestamptz, points int, "crmId" text)`);
    const blackouts = rows.flatMap((a) => a.blackouts.map((b) => ({ ...b, advocateId: a.id })));
    if (blackouts.length) {
      await db.execute(sql`
        insert into advocate_blackouts (advocate_id, starts_on, ends_on, reason)
        select "advocateId", "startsOn", "endsOn", reason
        from jsonb_to_recordset(${JSON.stringify(blackouts)}::jsonb) as r("advocateId" uuid, "startsOn" date, "endsOn" date, reason text)`);
    }
  }
}
