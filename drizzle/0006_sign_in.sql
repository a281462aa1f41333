CREATE TABLE "desk_sign_in_failure" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_totp_step" (
	"user_id" text PRIMARY KEY NOT NULL,
	"step" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "desk_session" ADD COLUMN "second_factor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_totp_step" ADD CONSTRAINT "desk_totp_step_user_id_desk_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."desk_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: before one unused invite per address holds, older unused duplicates go (their links stop working).
DELETE FROM "desk_invite" AS "older" USING "desk_invite" AS "newer"
	WHERE "older"."email" = "newer"."email" AND "older"."used_at" IS NULL AND "newer"."used_at" IS NULL
	AND ("older"."created_at", "older"."id") < ("newer"."created_at", "newer"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_invite_pending_email_idx" ON "desk_invite" USING btree ("email") WHERE "desk_invite"."used_at" is null;