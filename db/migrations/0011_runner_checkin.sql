CREATE TABLE `checkin_links` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`injury_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`first_used_at` text,
	`last_entry_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_links_token_hash_unique` ON `checkin_links` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_links_live_injury_unique` ON `checkin_links` (`injury_id`) WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX `checkin_links_patient_idx` ON `checkin_links` (`patient_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `checkin_receipts` (
	`link_id` text NOT NULL,
	`client_entry_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`link_id`, `client_entry_id`),
	FOREIGN KEY (`link_id`) REFERENCES `checkin_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `checkin_refusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ip` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `checkin_refusals_ip_at_idx` ON `checkin_refusals` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `checkin_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`session_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_seen_at` text,
	FOREIGN KEY (`link_id`) REFERENCES `checkin_links`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_sessions_hash_unique` ON `checkin_sessions` (`session_hash`);--> statement-breakpoint
CREATE INDEX `checkin_sessions_link_idx` ON `checkin_sessions` (`link_id`);--> statement-breakpoint
CREATE TABLE `checkin_views` (
	`user_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`seen_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `patient_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `entry_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`replaced_by` text,
	`replaced_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entry_revisions_entity_idx` ON `entry_revisions` (`entity_type`,`entity_id`,`version`);--> statement-breakpoint
ALTER TABLE `clinics` ADD `checkin_link_days` integer DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_logs` ADD `checkin_link_id` text REFERENCES checkin_links(id);--> statement-breakpoint
ALTER TABLE `daily_logs` ADD `received_at` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `checkin_link_id` text REFERENCES checkin_links(id);--> statement-breakpoint
ALTER TABLE `runs` ADD `received_at` text;