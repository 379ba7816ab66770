CREATE TABLE `run_sources` (
	`run_id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`file_name` text NOT NULL,
	`device` text,
	`content_hash` text NOT NULL,
	`activity_index` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`elapsed_s` integer NOT NULL,
	`moving_s` integer NOT NULL,
	`distance_m` real,
	`avg_heart_rate` integer,
	`max_heart_rate` integer,
	`avg_cadence_spm` real,
	`gct_left_pct` real,
	`step_length_m` real,
	`laps` text,
	`segments` text,
	`series` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_sources_patient_start_unique` ON `run_sources` (`patient_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `run_sources_patient_hash_idx` ON `run_sources` (`patient_id`,`content_hash`,`activity_index`);