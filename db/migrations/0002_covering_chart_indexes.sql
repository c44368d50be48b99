DROP INDEX `facts_company_kind_year_idx`;--> statement-breakpoint
DROP INDEX `facts_counterparty_idx`;--> statement-breakpoint
DROP INDEX `facts_kind_company_counterparty_idx`;--> statement-breakpoint
CREATE INDEX `facts_company_chart_idx` ON `facts` (`company_id`,`kind`,`year`,`period`,`unit`,`market`,`counterparty_id`,`status`,`low`,`high`,`approximate`,`compared_year`,`compared_period`);--> statement-breakpoint
CREATE INDEX `facts_counterparty_chart_idx` ON `facts` (`counterparty_id`,`kind`,`company_id`,`year`,`status`,`low`,`high`,`approximate`);--> statement-breakpoint
CREATE INDEX `facts_kind_company_counterparty_idx` ON `facts` (`kind`,`company_id`,`counterparty_id`,`year`,`status`,`low`,`high`,`approximate`);