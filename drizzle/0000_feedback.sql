CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guide" text NOT NULL,
	"lang" text NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_lang_check" CHECK ("feedback"."lang" in ('en', 'ru'))
);
--> statement-breakpoint
CREATE INDEX "feedback_guide_idx" ON "feedback" USING btree ("guide","helpful");