CREATE TABLE `caseload_versions` (
	`clinic_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_patient_insert` AFTER INSERT ON `patients` BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (new.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_patient_delete` AFTER DELETE ON `patients` BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (old.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_patient_update` AFTER UPDATE ON `patients`
WHEN old.`clinic_id` IS NOT new.`clinic_id`
	OR old.`archived_at` IS NOT new.`archived_at`
	OR old.`primary_therapist_id` IS NOT new.`primary_therapist_id`
	OR old.`search_text` IS NOT new.`search_text`
	OR old.`caseload_active` IS NOT new.`caseload_active`
	OR old.`caseload_ready` IS NOT new.`caseload_ready`
	OR old.`caseload_flag_rank` IS NOT new.`caseload_flag_rank`
	OR old.`caseload_returned_on` IS NOT new.`caseload_returned_on`
	OR old.`caseload_stage` IS NOT new.`caseload_stage`
BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (old.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (new.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_care_team_insert` AFTER INSERT ON `care_team` BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (new.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_care_team_delete` AFTER DELETE ON `care_team` BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (old.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `caseload_versions_care_team_update` AFTER UPDATE ON `care_team` BEGIN
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (old.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `caseload_versions` (`clinic_id`, `version`) VALUES (new.`clinic_id`, 1) ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
