CREATE TABLE "feedback_counts" (
	"guide" text NOT NULL,
	"helpful" boolean NOT NULL,
	"shard" smallint NOT NULL,
	"votes" bigint NOT NULL,
	CONSTRAINT "feedback_counts_guide_helpful_shard_pk" PRIMARY KEY("guide","helpful","shard")
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
