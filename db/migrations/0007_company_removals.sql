CREATE TABLE `company_removals` (
	`company_id` integer PRIMARY KEY NOT NULL,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
