DROP INDEX `facts_kind_year_idx`;--> statement-breakpoint
DROP INDEX `facts_counterparty_chart_idx`;--> statement-breakpoint
DROP INDEX `facts_kind_company_counterparty_idx`;--> statement-breakpoint
CREATE INDEX `facts_counterparty_chart_idx` ON `facts` (`counterparty_id`,`kind`,`company_id`,`year`,`status`,`low`,`high`,`approximate`) WHERE "facts"."counterparty_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `facts_kind_company_counterparty_idx` ON `facts` (`kind`,`company_id`,`counterparty_id`,`year`,`status`,`low`,`high`,`approximate`) WHERE "facts"."kind" = 'stake';