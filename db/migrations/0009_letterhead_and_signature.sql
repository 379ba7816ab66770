ALTER TABLE `clinics` ADD `address` text;--> statement-breakpoint
ALTER TABLE `clinics` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `clinics` ADD `email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `profession` text;--> statement-breakpoint
ALTER TABLE `users` ADD `registration_number` text;