CREATE TABLE "taxonomy_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facet" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"parent_key" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retired_at" timestamp with time zone,
	"merged_into_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"industry_key" text,
	"annual_revenue_usd" bigint,
	"employee_count" integer,
	"hq_country" text,
	"product_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"use_case_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"deployment" text,
	"go_live_date" date,
	"seats" integer,
	"customer_since" date,
	"owner_user_id" uuid,
	"reference_status" text DEFAULT 'referenceable' NOT NULL,
	"restriction_reason" text,
	"usage_cap" numeric(8, 2),
	"crm_id" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advocate_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text,
	"seniority_key" text,
	"function_key" text,
	"orientation" text,
	"country" text,
	"time_zone" text,
	"language_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"topic_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"use_case_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"product_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"story_situation" text,
	"story_solution" text,
	"story_outcomes" text,
	"personality_notes" text,
	"willingness" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"personal_cap" numeric(8, 2),
	"status" text DEFAULT 'nominated' NOT NULL,
	"consent" jsonb,
	"last_verified_at" timestamp with time zone,
	"points" integer DEFAULT 0 NOT NULL,
	"crm_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_blackouts" ADD CONSTRAINT "advocate_blackouts_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocates" ADD CONSTRAINT "advocates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_values_facet_key_key" ON "taxonomy_values" USING btree ("facet","key");--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_values_facet_label_live_key" ON "taxonomy_values" USING btree ("facet",lower("label")) WHERE "taxonomy_values"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "taxonomy_values_facet_sort_idx" ON "taxonomy_values" USING btree ("facet","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_crm_id_key" ON "accounts" USING btree ("crm_id") WHERE "accounts"."crm_id" is not null;--> statement-breakpoint
CREATE INDEX "accounts_lower_name_idx" ON "accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "accounts_industry_idx" ON "accounts" USING btree ("industry_key");--> statement-breakpoint
CREATE INDEX "advocate_blackouts_advocate_idx" ON "advocate_blackouts" USING btree ("advocate_id","starts_on");--> statement-breakpoint
CREATE INDEX "advocates_account_idx" ON "advocates" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advocates_email_key" ON "advocates" USING btree (lower("email")) WHERE "advocates"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "advocates_crm_id_key" ON "advocates" USING btree ("crm_id") WHERE "advocates"."crm_id" is not null;--> statement-breakpoint
CREATE INDEX "advocates_account_name_idx" ON "advocates" USING btree ("account_id",lower("first_name"),lower("last_name"));--> statement-breakpoint
CREATE INDEX "advocates_status_idx" ON "advocates" USING btree ("status");--> statement-breakpoint
CREATE INDEX "advocates_topics_gin" ON "advocates" USING gin ("topic_keys");