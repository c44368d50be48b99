CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_name` text NOT NULL,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE TABLE `fact_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_path` text NOT NULL,
	`fingerprint` text NOT NULL,
	`fact_id` integer,
	`state` text NOT NULL,
	`original` text,
	`corrected` text,
	`orphaned` integer DEFAULT false NOT NULL,
	`user_name` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`fact_id`) REFERENCES `facts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `fact_reviews_path_idx` ON `fact_reviews` (`article_path`,`fingerprint`);--> statement-breakpoint
CREATE INDEX `fact_reviews_fact_idx` ON `fact_reviews` (`fact_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`session_epoch` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_name_unique` ON `users` (`name`);