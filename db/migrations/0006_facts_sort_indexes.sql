CREATE INDEX `facts_value_idx` ON `facts` (("low" + "high") / 2);--> statement-breakpoint
CREATE INDEX `facts_kind_value_idx` ON `facts` (`kind`,("low" + "high") / 2);