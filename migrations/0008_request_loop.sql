CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prospect_name" text NOT NULL,
	"prospect_industry_key" text,
	"prospect_employee_count" integer,
	"prospect_annual_revenue_usd" bigint,
	"prospect_country" text,
	"stage_key" text NOT NULL,
	"amount_usd" bigint,
	"close_date" date,
	"owner_user_id" uuid NOT NULL,
	"product_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"excluded_account_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"decision_maker_buy_in" boolean DEFAULT false NOT NULL,
	"technical_approval" boolean DEFAULT false NOT NULL,
	"budget_confirmed" boolean DEFAULT false NOT NULL,
	"finalist" boolean DEFAULT false NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"amount_won_usd" bigint,
	"closed_on" date,
	"loss_reason" text,
	"crm_id" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"description" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_policies" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"policies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_ask_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "reference_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"requester_user_id" uuid NOT NULL,
	"team" text NOT NULL,
	"purpose" text,
	"opportunity_id" uuid,
	"activity_type_key" text NOT NULL,
	"prospect" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topic_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"needed_by" date NOT NULL,
	"references_needed" smallint DEFAULT 1 NOT NULL,
	"note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"rush" boolean DEFAULT false NOT NULL,
	"rush_justification" text,
	"readiness_gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"readiness_override_reason" text,
	"readiness_overridden_by_user_id" uuid,
	"estimated_business_days" smallint,
	"end_reason" text,
	"end_note" text,
	"submitted_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"redo_of_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"advocate_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" smallint,
	"explanation" jsonb,
	"proposed_by_user_id" uuid,
	"approver_user_id" uuid,
	"approval_due_at" timestamp with time zone,
	"owner_decided_at" timestamp with time zone,
	"owner_reason" text,
	"asked_at" timestamp with time zone,
	"ask_expires_at" timestamp with time zone,
	"advocate_responded_at" timestamp with time zone,
	"advocate_reason" text,
	"proposed_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"duration_minutes" smallint,
	"meeting_details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"candidate_id" uuid,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advocate_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"activity_type_key" text NOT NULL,
	"status" text NOT NULL,
	"occurs_on" date NOT NULL,
	"weight" numeric(6, 2) NOT NULL,
	"request_id" uuid,
	"candidate_id" uuid,
	"opportunity_id" uuid,
	"requesting_team" text,
	"title" text,
	"notes" text,
	"logged_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "debriefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"side" text NOT NULL,
	"happened" boolean NOT NULL,
	"met_needs" smallint,
	"buyer_intent" text,
	"concerns" text,
	"how_it_went" text,
	"would_do_again" boolean,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advocate_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"amount_won_usd" numeric(14, 2),
	"won_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thank_yous" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advocate_id" uuid NOT NULL,
	"activity_id" uuid,
	"kind" text NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"note" text,
	"given_by_user_id" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_policies" ADD CONSTRAINT "program_policies_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_ask_tokens" ADD CONSTRAINT "advocate_ask_tokens_candidate_id_request_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."request_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_readiness_overridden_by_user_id_users_id_fk" FOREIGN KEY ("readiness_overridden_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_candidates" ADD CONSTRAINT "request_candidates_request_id_reference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reference_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_candidates" ADD CONSTRAINT "request_candidates_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_candidates" ADD CONSTRAINT "request_candidates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_candidates" ADD CONSTRAINT "request_candidates_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_candidates" ADD CONSTRAINT "request_candidates_approver_user_id_users_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_reference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reference_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_candidate_id_request_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."request_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_request_id_reference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reference_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_candidate_id_request_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."request_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_logged_by_user_id_users_id_fk" FOREIGN KEY ("logged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debriefs" ADD CONSTRAINT "debriefs_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_yous" ADD CONSTRAINT "thank_yous_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_yous" ADD CONSTRAINT "thank_yous_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thank_yous" ADD CONSTRAINT "thank_yous_given_by_user_id_users_id_fk" FOREIGN KEY ("given_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_crm_id_key" ON "opportunities" USING btree ("crm_id") WHERE "opportunities"."crm_id" is not null;--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("owner_user_id","outcome");--> statement-breakpoint
CREATE INDEX "opportunities_lower_name_idx" ON "opportunities" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_key_key" ON "pipeline_stages" USING btree ("key");--> statement-breakpoint
CREATE INDEX "pipeline_stages_position_idx" ON "pipeline_stages" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "advocate_ask_tokens_hash_key" ON "advocate_ask_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "advocate_ask_tokens_candidate_idx" ON "advocate_ask_tokens" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_requests_number_key" ON "reference_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "reference_requests_requester_idx" ON "reference_requests" USING btree ("requester_user_id","created_at");--> statement-breakpoint
CREATE INDEX "reference_requests_status_idx" ON "reference_requests" USING btree ("status","needed_by");--> statement-breakpoint
CREATE INDEX "reference_requests_opportunity_idx" ON "reference_requests" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_candidates_request_advocate_key" ON "request_candidates" USING btree ("request_id","advocate_id");--> statement-breakpoint
CREATE INDEX "request_candidates_advocate_idx" ON "request_candidates" USING btree ("advocate_id","status");--> statement-breakpoint
CREATE INDEX "request_candidates_approver_idx" ON "request_candidates" USING btree ("approver_user_id","status");--> statement-breakpoint
CREATE INDEX "request_candidates_status_idx" ON "request_candidates" USING btree ("status","approval_due_at");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_candidate_key" ON "activities" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "activities_advocate_occurs_idx" ON "activities" USING btree ("advocate_id","occurs_on");--> statement-breakpoint
CREATE INDEX "activities_account_occurs_idx" ON "activities" USING btree ("account_id","occurs_on");--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "debriefs_activity_side_key" ON "debriefs" USING btree ("activity_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_records_activity_opportunity_key" ON "impact_records" USING btree ("activity_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "impact_records_advocate_idx" ON "impact_records" USING btree ("advocate_id");--> statement-breakpoint
CREATE INDEX "thank_yous_advocate_idx" ON "thank_yous" USING btree ("advocate_id","given_at");