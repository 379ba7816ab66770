CREATE TABLE `assessment_frames` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`field` text NOT NULL,
	`tool` text NOT NULL,
	`value` real NOT NULL,
	`frame_time_s` real NOT NULL,
	`detail` text NOT NULL,
	`image` blob NOT NULL,
	`image_width` integer NOT NULL,
	`image_height` integer NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessment_frames_image_size" CHECK(length("assessment_frames"."image") <= 200000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_frames_field_idx` ON `assessment_frames` (`assessment_id`,`field`);