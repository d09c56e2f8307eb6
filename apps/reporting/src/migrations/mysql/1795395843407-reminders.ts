import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795395843407Mysql implements MigrationInterface {
  name = 'Reminders1795395843407Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `notification` (`id` varchar(36) NOT NULL, `dedup_key` varchar(191) NOT NULL, `recipient_unit_id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `deadline` varchar(32) NOT NULL, `due_date` date NOT NULL, `kind` varchar(16) NOT NULL, `text` text NOT NULL, `created_at` datetime(3) NOT NULL, `read_at` datetime(3) NULL, `digest_id` varchar(36) NULL, INDEX `idx_notification_recipient` (`recipient_unit_id`, `created_at`), UNIQUE INDEX `uq_notification` (`dedup_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `digest` (`id` varchar(36) NOT NULL, `recipient_unit_id` varchar(36) NOT NULL, `day` date NOT NULL, `email` varchar(255) NOT NULL, `items` int NOT NULL, `status` varchar(8) NOT NULL, `sent_at` datetime(3) NULL, UNIQUE INDEX `uq_digest` (`recipient_unit_id`, `day`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_digest` ON `digest`");
    await queryRunner.query("DROP TABLE `digest`");
    await queryRunner.query("DROP INDEX `uq_notification` ON `notification`");
    await queryRunner.query("DROP INDEX `idx_notification_recipient` ON `notification`");
    await queryRunner.query("DROP TABLE `notification`");
  }
}
