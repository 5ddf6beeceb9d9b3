CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"request_id" uuid,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"team" text,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocate_profile_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advocate_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "advocate_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"advocate_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "advocate_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "advocate_sign_in_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_hash" text NOT NULL,
	"advocate_id" uuid,
	"token_hash" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_opt_outs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "recipient_user_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "recipient_advocate_id" uuid;--> statement-breakpoint
ALTER TABLE "advocates" ADD COLUMN "notification_opt_outs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "advocates" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_request_id_reference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reference_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_profile_changes" ADD CONSTRAINT "advocate_profile_changes_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_profile_changes" ADD CONSTRAINT "advocate_profile_changes_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_sessions" ADD CONSTRAINT "advocate_sessions_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocate_sign_in_links" ADD CONSTRAINT "advocate_sign_in_links_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "webhook_endpoints_team_idx" ON "webhook_endpoints" USING btree ("team");--> statement-breakpoint
CREATE INDEX "advocate_profile_changes_status_idx" ON "advocate_profile_changes" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "advocate_profile_changes_advocate_idx" ON "advocate_profile_changes" USING btree ("advocate_id","submitted_at");--> statement-breakpoint
CREATE INDEX "advocate_sessions_advocate_idx" ON "advocate_sessions" USING btree ("advocate_id");--> statement-breakpoint
CREATE INDEX "advocate_sign_in_links_email_idx" ON "advocate_sign_in_links" USING btree ("email_hash","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "advocate_sign_in_links_token_key" ON "advocate_sign_in_links" USING btree ("token_hash") WHERE "advocate_sign_in_links"."token_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_dedupe_key" ON "outbox_messages" USING btree ("dedupe_key") WHERE "outbox_messages"."dedupe_key" is not null;
--> statement-breakpoint
-- The lifecycle gains `withdrawn` (an advocate left the program from the portal), appended so
-- the search records' status positions stay as they were.
CREATE OR REPLACE FUNCTION vouch_search_codes(
  p_dictionary jsonb, p_status text, p_orientation text, p_reference_status text, p_country text,
  p_industry text, p_seniority text, p_function text, p_employee_count integer, p_verified_at timestamptz,
  p_topics text[], p_use_cases text[], p_products text[], p_languages text[], p_willing text[]
) RETURNS bytea
-- STABLE (extract and convert_to are), so the planner inlines it into the view: the list
-- functions it calls then keep one cached plan per statement instead of one per row.
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT vouch_byte(coalesce(array_position(ARRAY['nominated','in_review','interviewed','active','paused','retired','left_company','withdrawn'], p_status), 0))
    || vouch_byte(CASE p_orientation WHEN 'technical' THEN 1 WHEN 'business' THEN 2 ELSE 0 END)
    || vouch_byte(CASE p_reference_status WHEN 'referenceable' THEN 1 WHEN 'restricted' THEN 2 WHEN 'not_referenceable' THEN 3 ELSE 0 END)
    || CASE WHEN p_country ~ '^[A-Z]{2}$' THEN convert_to(p_country, 'UTF8') ELSE '\x0000'::bytea END
    || vouch_code(p_dictionary, 'industry', p_industry) || vouch_code(p_dictionary, 'seniority', p_seniority)
    || vouch_code(p_dictionary, 'function', p_function)
    || int4send(coalesce(p_employee_count, -1))
    || int8send(coalesce(floor(extract(epoch FROM p_verified_at) * 1000)::bigint, -9223372036854775808))
    || vouch_code_list(p_dictionary, 'topic', p_topics) || vouch_code_list(p_dictionary, 'use_case', p_use_cases)
    || vouch_code_list(p_dictionary, 'product', p_products) || vouch_code_list(p_dictionary, 'language', p_languages)
    || vouch_code_list(p_dictionary, 'activity_type', p_willing)
$$;
