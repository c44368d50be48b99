ALTER TABLE `facts` ADD `figure_start` integer;--> statement-breakpoint
ALTER TABLE `facts` ADD `figure_end` integer;--> statement-breakpoint
CREATE INDEX `facts_kind_company_counterparty_idx` ON `facts` (`kind`,`company_id`,`counterparty_id`);