ALTER TABLE `patients` ADD `caseload_active` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_flag_rank` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_stage` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_ready` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_streak` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_pain` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_onset_date` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_returned_on` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `caseload_injury` text;--> statement-breakpoint
CREATE INDEX `patients_caseload_counts_idx` ON `patients` (`clinic_id`,`caseload_active`,`archived_at`,`caseload_ready`,`caseload_flag_rank`,`caseload_returned_on`,`caseload_stage`);--> statement-breakpoint
CREATE INDEX `patients_caseload_flags_idx` ON `patients` (`clinic_id`,"caseload_flag_rank" desc,"family_name" collate nocase,"given_name" collate nocase,`id`) WHERE "patients"."archived_at" is null and "patients"."caseload_active" = 1;--> statement-breakpoint
CREATE INDEX `patients_caseload_pain_idx` ON `patients` (`clinic_id`,"caseload_pain" desc,"family_name" collate nocase,"given_name" collate nocase,`id`) WHERE "patients"."archived_at" is null and "patients"."caseload_active" = 1;--> statement-breakpoint
CREATE INDEX `patients_caseload_name_idx` ON `patients` (`clinic_id`,"family_name" collate nocase,"given_name" collate nocase,`id`) WHERE "patients"."archived_at" is null and "patients"."caseload_active" = 1;