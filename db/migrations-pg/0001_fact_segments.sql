CREATE TABLE "fact_segments" (
	"fact_id" integer PRIMARY KEY NOT NULL,
	"segment" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fact_segments" ADD CONSTRAINT "fact_segments_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE cascade ON UPDATE no action;