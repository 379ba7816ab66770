ALTER TABLE `clinics` ADD `distance_unit` text DEFAULT 'km' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `distance_unit` text;