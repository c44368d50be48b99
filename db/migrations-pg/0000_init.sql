CREATE TABLE "articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_path" text NOT NULL,
	"sha256" text NOT NULL,
	"title" text NOT NULL,
	"published_year" integer,
	"published_year_source" text,
	"cleaned_text" text NOT NULL,
	"imported_at" text DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	CONSTRAINT "articles_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"user_name" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"before" text,
	"after" text
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	CONSTRAINT "companies_name_unique" UNIQUE("name"),
	CONSTRAINT "companies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "company_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_redirects" (
	"slug" text PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_removals" (
	"company_id" integer PRIMARY KEY NOT NULL,
	"user_name" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_path" text NOT NULL,
	"fingerprint" text NOT NULL,
	"fact_id" integer,
	"state" text NOT NULL,
	"original" text,
	"corrected" text,
	"orphaned" boolean DEFAULT false NOT NULL,
	"user_name" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"kind" text NOT NULL,
	"company_id" integer NOT NULL,
	"counterparty_id" integer,
	"market" text,
	"year" integer,
	"period" text,
	"low" double precision NOT NULL,
	"high" double precision NOT NULL,
	"unit" text NOT NULL,
	"status" text NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"compared_year" integer,
	"compared_period" text,
	"quote" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"figure_start" integer,
	"figure_end" integer,
	"stated" text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	"files_read" integer DEFAULT 0 NOT NULL,
	"articles_imported" integer DEFAULT 0 NOT NULL,
	"articles_unchanged" integer DEFAULT 0 NOT NULL,
	"facts_written" integer DEFAULT 0 NOT NULL,
	"errors" text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"session_epoch" integer DEFAULT 0 NOT NULL,
	"created_at" text DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	CONSTRAINT "users_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "company_aliases" ADD CONSTRAINT "company_aliases_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_redirects" ADD CONSTRAINT "company_redirects_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_removals" ADD CONSTRAINT "company_removals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fact_reviews" ADD CONSTRAINT "fact_reviews_fact_id_facts_id_fk" FOREIGN KEY ("fact_id") REFERENCES "public"."facts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_counterparty_id_companies_id_fk" FOREIGN KEY ("counterparty_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_source_path_idx" ON "articles" USING btree ("source_path");--> statement-breakpoint
CREATE INDEX "fact_reviews_path_idx" ON "fact_reviews" USING btree ("article_path","fingerprint");--> statement-breakpoint
CREATE INDEX "fact_reviews_fact_idx" ON "fact_reviews" USING btree ("fact_id");--> statement-breakpoint
CREATE INDEX "facts_company_chart_idx" ON "facts" USING btree ("company_id","kind","year","period","unit","market","counterparty_id","status","low","high","approximate","compared_year","compared_period","id");--> statement-breakpoint
CREATE INDEX "facts_year_idx" ON "facts" USING btree ("year" NULLS FIRST);--> statement-breakpoint
CREATE INDEX "facts_counterparty_chart_idx" ON "facts" USING btree ("counterparty_id","kind","company_id","year","status","low","high","approximate","id") WHERE "facts"."counterparty_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "facts_kind_company_counterparty_idx" ON "facts" USING btree ("kind","company_id","counterparty_id","year","status","low","high","approximate","id") WHERE "facts"."kind" = 'stake';--> statement-breakpoint
CREATE INDEX "facts_article_idx" ON "facts" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "facts_value_idx" ON "facts" USING btree ((("low" + "high") / 2));--> statement-breakpoint
CREATE INDEX "facts_kind_value_idx" ON "facts" USING btree ("kind",(("low" + "high") / 2));