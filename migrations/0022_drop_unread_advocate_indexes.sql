DROP INDEX "advocates_account_idx";--> statement-breakpoint
DROP INDEX "advocates_status_idx";--> statement-breakpoint
DROP INDEX "advocates_topics_gin";