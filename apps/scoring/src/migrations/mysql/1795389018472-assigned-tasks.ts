import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assigned tasks and their progress reports (R10). Generated, then reduced by hand to the two new tables. */
export class AssignedTasks1795389018472Mysql implements MigrationInterface {
  name = 'AssignedTasks1795389018472Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `assigned_task` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NULL, `plan_number` varchar(64) NOT NULL, `plan_title` varchar(500) NULL, `code` varchar(32) NULL, `title` varchar(1000) NOT NULL, `due_date` date NOT NULL, `owner_unit_id` varchar(36) NOT NULL, `cooperating_unit_ids` text NOT NULL, `percent` int NOT NULL DEFAULT '0', `completed_on` date NULL, `created_at` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_task_campaign` (`campaign_id`), INDEX `idx_task_owner` (`owner_unit_id`, `due_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `task_progress` (`id` varchar(36) NOT NULL, `task_id` varchar(36) NOT NULL, `reported_on` date NOT NULL, `percent` int NOT NULL, `note` text NULL, `evidence_file_ids` text NOT NULL, `reported_by` varchar(191) NOT NULL, INDEX `idx_progress_task` (`task_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_progress_task` ON `task_progress`");
    await queryRunner.query("DROP TABLE `task_progress`");
    await queryRunner.query("DROP INDEX `idx_task_owner` ON `assigned_task`");
    await queryRunner.query("DROP INDEX `idx_task_campaign` ON `assigned_task`");
    await queryRunner.query("DROP TABLE `assigned_task`");
  }
}
