import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { GeneratedActivity, GeneratedDebrief, GeneratedOpportunity } from './generate-history.js';

const BATCH = 10_000;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** Inserts generated opportunities with set-based SQL (jsonb_to_recordset), a batch at a time. */
export async function insertOpportunities(db: Executor, opportunities: GeneratedOpportunity[]): Promise<void> {
  for (const rows of batches(opportunities)) {
    await db.execute(sql`
      insert into opportunities (id, name, prospect_name, prospect_industry_key, prospect_employee_count, prospect_annual_revenue_usd,
        prospect_country, stage_key, amount_usd, close_date, owner_user_id, product_keys, competitors, excluded_account_ids,
        decision_maker_buy_in, technical_approval, budget_confirmed, finalist, outcome, crm_id)
      select id, name, "prospectName", "prospectIndustryKey", "prospectEmployeeCount", "prospectAnnualRevenueUsd", "prospectCountry",
        "stageKey", "amountUsd", "closeDate", "ownerUserId", array(select jsonb_array_elements_text("productKeys")),
        array(select jsonb_array_elements_text(competitors)), array(select jsonb_array_elements_text("excludedAccountIds")::uuid),
        "decisionMakerBuyIn", "technicalApproval", "budgetConfirmed", finalist, outcome, "crmId"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, name text, "prospectName" text, "prospectIndustryKey" text, "prospectEmployeeCount" int, "prospectAnnualRevenueUsd" bigint,
        "prospectCountry" text, "stageKey" text, "amountUsd" bigint, "closeDate" date, "ownerUserId" uuid, "productKeys" jsonb,
        competitors jsonb, "excludedAccountIds" jsonb, "decisionMakerBuyIn" boolean, "technicalApproval" boolean,
        "budgetConfirmed" boolean, finalist boolean, outcome text, "crmId" text)`);
  }
}

/** Inserts activities and their requester debriefs, set-based, a batch at a time. */
export async function insertHistory(db: Executor, history: { activities: GeneratedActivity[]; debriefs: GeneratedDebrief[] }): Promise<void> {
  for (const rows of batches(history.activities)) {
    await db.execute(sql`
      insert into activities (id, advocate_id, account_id, activity_type_key, status, occurs_on, weight, opportunity_id, requesting_team, title)
      select id, "advocateId", "accountId", "activityTypeKey", status, "occursOn", weight, "opportunityId", "requestingTeam", title
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, "advocateId" uuid, "accountId" uuid, "activityTypeKey" text, status text, "occursOn" date, weight numeric,
        "opportunityId" uuid, "requestingTeam" text, title text)`);
  }
  for (const rows of batches(history.debriefs)) {
    await db.execute(sql`
      insert into debriefs (activity_id, side, happened, met_needs)
      select "activityId", 'requester', happened, "metNeeds"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("activityId" uuid, happened boolean, "metNeeds" smallint)`);
  }
}
