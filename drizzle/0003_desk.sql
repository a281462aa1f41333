CREATE TABLE "desk_account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "desk_invite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"specialty" text DEFAULT '' NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "desk_invite_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "desk_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"lang" text NOT NULL,
	"hash" text NOT NULL,
	"text" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewer_id" text,
	"reviewer_name" text NOT NULL,
	"reviewer_specialty" text NOT NULL,
	"reviewer_role" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_secret" (
	"id" integer PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "desk_session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "desk_two_factor" (
	"id" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"backup_codes" text NOT NULL,
	"user_id" text NOT NULL,
	"verified" boolean DEFAULT true NOT NULL,
	"failed_verification_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "desk_user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"two_factor_enabled" boolean DEFAULT false NOT NULL,
	"role" text NOT NULL,
	"specialty" text DEFAULT '' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "desk_user_email_unique" UNIQUE("email"),
	CONSTRAINT "desk_user_role_check" CHECK ("desk_user"."role" in ('admin', 'editor', 'expert', 'clinician'))
);
--> statement-breakpoint
CREATE TABLE "desk_verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_status" (
	"feedback_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "feedback_status_check" CHECK ("feedback_status"."status" in ('new', 'read', 'acted', 'spam'))
);
--> statement-breakpoint
ALTER TABLE "desk_account" ADD CONSTRAINT "desk_account_user_id_desk_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."desk_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_invite" ADD CONSTRAINT "desk_invite_invited_by_desk_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."desk_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_review" ADD CONSTRAINT "desk_review_reviewer_id_desk_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."desk_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_session" ADD CONSTRAINT "desk_session_user_id_desk_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."desk_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_two_factor" ADD CONSTRAINT "desk_two_factor_user_id_desk_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."desk_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_status" ADD CONSTRAINT "feedback_status_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_status" ADD CONSTRAINT "feedback_status_updated_by_desk_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."desk_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_account_user_idx" ON "desk_account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "desk_audit_at_idx" ON "desk_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "desk_review_subject_idx" ON "desk_review" USING btree ("subject","lang","signed_at");--> statement-breakpoint
CREATE INDEX "desk_session_user_idx" ON "desk_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "desk_two_factor_user_idx" ON "desk_two_factor" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "desk_two_factor_secret_idx" ON "desk_two_factor" USING btree ("secret");--> statement-breakpoint
CREATE INDEX "desk_verification_identifier_idx" ON "desk_verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "feedback_status_status_idx" ON "feedback_status" USING btree ("status");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express these): keep them when migrations are regenerated.
-- The inbox reads "not helpful" answers newest first, by guide and language, and searches comments.
CREATE INDEX "feedback_inbox_idx" ON "feedback" USING btree ("created_at" DESC,"id" DESC) WHERE "helpful" = false;--> statement-breakpoint
CREATE INDEX "feedback_inbox_guide_idx" ON "feedback" USING btree ("guide","lang","created_at" DESC,"id" DESC) WHERE "helpful" = false;--> statement-breakpoint
CREATE INDEX "feedback_inbox_search_idx" ON "feedback" USING gin (to_tsvector('simple', coalesce("comment", ''))) WHERE "helpful" = false;--> statement-breakpoint
-- The audit log is append-only for everyone, the application included.
CREATE FUNCTION desk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'desk_audit is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER desk_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "desk_audit" FOR EACH STATEMENT EXECUTE FUNCTION desk_audit_append_only();
