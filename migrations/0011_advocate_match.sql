CREATE TABLE "advocate_match" (
	"advocate_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"referenceable" boolean NOT NULL,
	"industry" smallint NOT NULL,
	"sector" smallint NOT NULL,
	"seniority" smallint NOT NULL,
	"seniority_rank" smallint NOT NULL,
	"function" smallint NOT NULL,
	"orientation" smallint NOT NULL,
	"size_bucket" smallint NOT NULL,
	"employee_count" integer,
	"topics" bigint NOT NULL,
	"products" bigint NOT NULL,
	"use_cases" bigint NOT NULL,
	"languages" bigint NOT NULL,
	"unwilling" bigint NOT NULL,
	"last_used_on" date,
	"country" text,
	"subregion" text,
	"region" text,
	"blackouts" datemultirange,
	"language_keys" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocate_match" ADD CONSTRAINT "advocate_match_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocate_match_sector_idx" ON "advocate_match" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "advocate_match_country_idx" ON "advocate_match" USING btree ("country");