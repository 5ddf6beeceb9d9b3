-- advocate_match is derived data: emptied here, rebuilt with its new columns at the end of 0014.
TRUNCATE "advocate_match";--> statement-breakpoint
DROP INDEX "advocate_match_country_idx";--> statement-breakpoint
ALTER TABLE "advocate_match" ADD COLUMN "country_code" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "advocate_match" ADD COLUMN "subregion_code" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "advocate_match" ADD COLUMN "region_code" smallint NOT NULL;--> statement-breakpoint
CREATE INDEX "advocate_match_country_idx" ON "advocate_match" USING btree ("country_code");