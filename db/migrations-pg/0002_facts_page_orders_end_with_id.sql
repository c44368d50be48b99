DROP INDEX "facts_year_idx";--> statement-breakpoint
DROP INDEX "facts_article_idx";--> statement-breakpoint
DROP INDEX "facts_value_idx";--> statement-breakpoint
DROP INDEX "facts_kind_value_idx";--> statement-breakpoint
CREATE INDEX "facts_year_idx" ON "facts" USING btree ("year" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "facts_article_idx" ON "facts" USING btree ("article_id","id");--> statement-breakpoint
CREATE INDEX "facts_value_idx" ON "facts" USING btree ((("low" + "high") / 2),"id");--> statement-breakpoint
CREATE INDEX "facts_kind_value_idx" ON "facts" USING btree ("kind",(("low" + "high") / 2),"id");