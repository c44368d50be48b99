CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_path` text NOT NULL,
	`sha256` text NOT NULL,
	`title` text NOT NULL,
	`published_year` integer,
	`published_year_source` text,
	`cleaned_text` text NOT NULL,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_sha256_unique` ON `articles` (`sha256`);--> statement-breakpoint
CREATE INDEX `articles_source_path_idx` ON `articles` (`source_path`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_name_unique` ON `companies` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `companies_slug_unique` ON `companies` (`slug`);--> statement-breakpoint
CREATE TABLE `company_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`company_id` integer NOT NULL,
	`counterparty_id` integer,
	`market` text,
	`year` integer,
	`period` text,
	`low` real NOT NULL,
	`high` real NOT NULL,
	`unit` text NOT NULL,
	`status` text NOT NULL,
	`approximate` integer DEFAULT false NOT NULL,
	`compared_year` integer,
	`compared_period` text,
	`quote` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`stated` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterparty_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `facts_company_kind_year_idx` ON `facts` (`company_id`,`kind`,`year`);--> statement-breakpoint
CREATE INDEX `facts_kind_year_idx` ON `facts` (`kind`,`year`);--> statement-breakpoint
CREATE INDEX `facts_counterparty_idx` ON `facts` (`counterparty_id`);--> statement-breakpoint
CREATE INDEX `facts_article_idx` ON `facts` (`article_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`files_read` integer DEFAULT 0 NOT NULL,
	`articles_imported` integer DEFAULT 0 NOT NULL,
	`articles_unchanged` integer DEFAULT 0 NOT NULL,
	`facts_written` integer DEFAULT 0 NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL
);
