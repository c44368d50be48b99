CREATE TABLE `company_redirects` (
	`slug` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
