CREATE TABLE "import_job_parts" (
	"job_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "import_job_parts_job_id_part_pk" PRIMARY KEY("job_id","part")
);
--> statement-breakpoint
ALTER TABLE "import_job_parts" ADD CONSTRAINT "import_job_parts_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Files already uploaded move into parts of 262144 characters (IMPORT_PART_CHARS), in order.
INSERT INTO "import_job_parts" ("job_id", "part", "body")
SELECT j."id", g.n, substr(j."source", g.n * 262144 + 1, 262144)
FROM "import_jobs" j, generate_series(0, greatest(0, (length(j."source") - 1) / 262144)) AS g(n);--> statement-breakpoint
ALTER TABLE "import_jobs" DROP COLUMN "source";