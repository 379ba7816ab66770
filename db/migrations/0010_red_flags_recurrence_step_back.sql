CREATE TABLE `red_flag_screens` (
	`injury_id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`calf_swelling` integer DEFAULT false NOT NULL,
	`calf_warmth` integer DEFAULT false NOT NULL,
	`pitting_oedema` integer DEFAULT false NOT NULL,
	`leg_larger` integer DEFAULT false NOT NULL,
	`travel_or_immobilised` integer DEFAULT false NOT NULL,
	`recent_surgery` integer DEFAULT false NOT NULL,
	`previous_clot` integer DEFAULT false NOT NULL,
	`hormonal_therapy` integer DEFAULT false NOT NULL,
	`thompson_positive` integer DEFAULT false NOT NULL,
	`palpable_gap` integer DEFAULT false NOT NULL,
	`night_pain` integer DEFAULT false NOT NULL,
	`numbness` integer DEFAULT false NOT NULL,
	`no_mechanism` integer DEFAULT false NOT NULL,
	`screened_by` text,
	`cleared_by` text,
	`cleared_at` text,
	`clearance_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`screened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cleared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "red_flag_screens_clearance_check" CHECK(("red_flag_screens"."cleared_at" is null) = ("red_flag_screens"."cleared_by" is null) and ("red_flag_screens"."cleared_at" is null) = ("red_flag_screens"."clearance_note" is null))
);
--> statement-breakpoint
CREATE INDEX `red_flag_screens_patient_idx` ON `red_flag_screens` (`patient_id`);--> statement-breakpoint
ALTER TABLE `injuries` ADD `recurrence_class` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_refer` integer;--> statement-breakpoint
ALTER TABLE `stage_changes` ADD `to_ladder_step` integer;