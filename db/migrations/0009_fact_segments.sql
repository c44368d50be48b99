CREATE TABLE `fact_segments` (
	`fact_id` integer PRIMARY KEY NOT NULL,
	`segment` text NOT NULL,
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE cascade
);
