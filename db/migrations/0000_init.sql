CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`injury_id` text NOT NULL,
	`assessed_on` text NOT NULL,
	`method` text,
	`setting` text,
	`speed_kmh` real,
	`footwear` text,
	`toe_out_severity` text,
	`fpa_left_deg` real,
	`fpa_right_deg` real,
	`toe_out_notes` text,
	`pelvic_severity` text,
	`pelvic_tilt_deg` real,
	`thomas_left` text,
	`thomas_right` text,
	`glute_left` integer,
	`glute_right` integer,
	`pelvic_notes` text,
	`overstride_severity` text,
	`cadence_spm` real,
	`strike_ahead_cm` real,
	`shin_angle_deg` real,
	`overstride_notes` text,
	`calf_severity` text,
	`knee_to_wall_left_cm` real,
	`knee_to_wall_right_cm` real,
	`heel_raises_left` integer,
	`heel_raises_right` integer,
	`calf_notes` text,
	`plan_cues` text,
	`cadence_target_spm` real,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_patient_date_idx` ON `assessments` (`patient_id`,`assessed_on`);--> statement-breakpoint
CREATE INDEX `assessments_injury_date_idx` ON `assessments` (`injury_id`,`assessed_on`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`clinic_id` text,
	`user_id` text,
	`action` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`patient_id` text,
	`detail` text,
	`ip` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_clinic_at_idx` ON `audit_events` (`clinic_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_patient_at_idx` ON `audit_events` (`patient_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_at_idx` ON `audit_events` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `care_team` (
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`patient_id`, `user_id`),
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_team_user_idx` ON `care_team` (`user_id`,`patient_id`);--> statement-breakpoint
CREATE TABLE `clinics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/London' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`injury_id` text NOT NULL,
	`log_date` text NOT NULL,
	`pain_rest` integer,
	`pain_daily` integer,
	`walk_minutes` integer,
	`pain_walk` integer,
	`cycle_minutes` integer,
	`pain_cycle` integer,
	`swim_minutes` integer,
	`pain_swim` integer,
	`massage_sessions` integer,
	`ice_sessions` integer,
	`compression` integer,
	`note` text,
	`source` text DEFAULT 'clinic' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_logs_injury_date_unique` ON `daily_logs` (`injury_id`,`log_date`);--> statement-breakpoint
CREATE INDEX `daily_logs_patient_date_idx` ON `daily_logs` (`patient_id`,`log_date`);--> statement-breakpoint
CREATE TABLE `injuries` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`side` text NOT NULL,
	`muscle` text NOT NULL,
	`severity` text NOT NULL,
	`grade` integer NOT NULL,
	`achilles` integer DEFAULT false NOT NULL,
	`onset_date` text NOT NULL,
	`activity` text,
	`mechanism` text,
	`prior_strains` integer DEFAULT 0 NOT NULL,
	`is_recurrence` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`return_date` text,
	`closed_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "injuries_grade_check" CHECK("injuries"."grade" between 1 and 3),
	CONSTRAINT "injuries_status_check" CHECK("injuries"."status" in ('active','returned','closed'))
);
--> statement-breakpoint
CREATE INDEX `injuries_patient_idx` ON `injuries` (`patient_id`,`onset_date`);--> statement-breakpoint
CREATE INDEX `injuries_clinic_status_idx` ON `injuries` (`clinic_id`,`status`);--> statement-breakpoint
CREATE TABLE `patient_status` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`injury_id` text,
	`stage` integer,
	`ready_to_progress` integer DEFAULT false NOT NULL,
	`symptom_free_streak` integer DEFAULT 0 NOT NULL,
	`latest_pain` integer,
	`latest_pain_date` text,
	`last_log_date` text,
	`flags` text DEFAULT '[]' NOT NULL,
	`flag_count` integer DEFAULT 0 NOT NULL,
	`next_step` text,
	`computed_for` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_status_clinic_flags_idx` ON `patient_status` (`clinic_id`,`flag_count`);--> statement-breakpoint
CREATE INDEX `patient_status_clinic_stage_idx` ON `patient_status` (`clinic_id`,`stage`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`record_number` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`search_text` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`sex` text NOT NULL,
	`email` text,
	`phone` text,
	`pre_injury_weekly_km` real,
	`runs_per_week` integer,
	`years_running` integer,
	`goal_race` text,
	`goal_race_date` text,
	`usual_surface` text,
	`notes` text,
	`primary_therapist_id` text NOT NULL,
	`archived_at` text,
	`last_activity_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`primary_therapist_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "patients_sex_check" CHECK("patients"."sex" in ('female','male','other','unknown'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_clinic_record_unique` ON `patients` (`clinic_id`,`record_number`);--> statement-breakpoint
CREATE INDEX `patients_clinic_therapist_idx` ON `patients` (`clinic_id`,`primary_therapist_id`);--> statement-breakpoint
CREATE INDEX `patients_clinic_name_idx` ON `patients` (`clinic_id`,`family_name`,`given_name`);--> statement-breakpoint
CREATE TABLE `protocol_settings` (
	`clinic_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`injury_id` text NOT NULL,
	`run_date` text NOT NULL,
	`kind` text NOT NULL,
	`walk_minutes` real,
	`run_minutes` real,
	`repetitions` integer,
	`continuous_minutes` real,
	`distance_km` real,
	`pain_during` integer NOT NULL,
	`pain_next_morning` integer,
	`surface` text,
	`note` text,
	`source` text DEFAULT 'clinic' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_patient_date_idx` ON `runs` (`patient_id`,`run_date`);--> statement-breakpoint
CREATE INDEX `runs_injury_date_idx` ON `runs` (`injury_id`,`run_date`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip` text,
	`success` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_email_at_idx` ON `sign_in_attempts` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_ip_at_idx` ON `sign_in_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `stage_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`injury_id` text NOT NULL,
	`from_stage` integer,
	`to_stage` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`effective_date` text NOT NULL,
	`changed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`injury_id`) REFERENCES `injuries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stage_changes_stage_check" CHECK("stage_changes"."to_stage" between 0 and 5)
);
--> statement-breakpoint
CREATE INDEX `stage_changes_injury_idx` ON `stage_changes` (`injury_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('therapist','admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_clinic_idx` ON `users` (`clinic_id`);