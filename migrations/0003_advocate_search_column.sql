ALTER TABLE "advocates" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "advocates_search_vector_gin" ON "advocates" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "advocates_status_verified_idx" ON "advocates" USING btree ("status","last_verified_at");