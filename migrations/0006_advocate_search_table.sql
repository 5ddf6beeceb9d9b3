-- The search moves to its own tables (advocate_search, advocate_facet_codes; filled by the
-- triggers of 0007): the old per-row vector trigger on advocates goes first, since it names the
-- dropped column.
DROP TRIGGER "advocates_search_vector" ON "advocates";--> statement-breakpoint
DROP FUNCTION "vouch_advocate_search_vector"();--> statement-breakpoint
DROP TRIGGER "accounts_renamed_refresh_search" ON "accounts";--> statement-breakpoint
DROP FUNCTION "vouch_account_renamed"();--> statement-breakpoint
CREATE TABLE "advocate_facet_codes" (
	"advocate_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"facet_codes" "bytea" NOT NULL,
	"term_ids" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_search" (
	"advocate_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sort_last" text NOT NULL,
	"sort_first" text NOT NULL,
	"verified_at" timestamp with time zone,
	"industry_key" text,
	"employee_count" integer,
	"reference_status" text NOT NULL,
	"country" text,
	"seniority_key" text,
	"function_key" text,
	"orientation" text,
	"topic_keys" text[] NOT NULL,
	"use_case_keys" text[] NOT NULL,
	"product_keys" text[] NOT NULL,
	"language_keys" text[] NOT NULL,
	"willing_keys" text[] NOT NULL,
	"facet_codes" "bytea" NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "advocates_search_vector_gin";--> statement-breakpoint
ALTER TABLE "taxonomy_values" ADD COLUMN "code" smallint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "taxonomy_values_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "advocate_facet_codes" ADD CONSTRAINT "advocate_facet_codes_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_search" ADD CONSTRAINT "advocate_search_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocate_facet_codes_account_idx" ON "advocate_facet_codes" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "advocate_facet_codes_terms_gin" ON "advocate_facet_codes" USING gin ("term_ids");--> statement-breakpoint
CREATE INDEX "advocate_search_name_idx" ON "advocate_search" USING btree ("sort_last","sort_first","advocate_id");--> statement-breakpoint
CREATE INDEX "advocate_search_verified_idx" ON "advocate_search" USING btree (coalesce("verified_at", '-infinity'::timestamptz) desc,"advocate_id");--> statement-breakpoint
CREATE INDEX "advocate_search_account_idx" ON "advocate_search" USING btree ("account_id");--> statement-breakpoint
ALTER TABLE "advocates" DROP COLUMN "search_vector";