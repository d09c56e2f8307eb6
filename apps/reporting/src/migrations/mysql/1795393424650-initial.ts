import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795393424650Mysql implements MigrationInterface {
  name = 'Initial1795393424650Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_id` varchar(191) NULL, `actor_roles` varchar(255) NOT NULL, `actor_unit_id` varchar(36) NULL, `request_id` varchar(64) NULL, `entity_type` varchar(64) NOT NULL, `entity_id` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `unit_report_template` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `fields` text NOT NULL, `source_clause` varchar(64) NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_069ab02c84ae9b837b958bd839` (`campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `unit_report` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `year` int NOT NULL, `unit_id` varchar(36) NOT NULL, `status` varchar(16) NOT NULL, `values` text NOT NULL, `attachment_ids` text NOT NULL, `deadline` date NULL, `submitted_at` datetime(3) NULL, `submitted_on` date NULL, `late` tinyint NOT NULL DEFAULT 0, `created_at` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_unit_report_unit` (`unit_id`), UNIQUE INDEX `uq_unit_report` (`campaign_id`, `year`, `unit_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_unit_report` ON `unit_report`");
    await queryRunner.query("DROP INDEX `idx_unit_report_unit` ON `unit_report`");
    await queryRunner.query("DROP TABLE `unit_report`");
    await queryRunner.query("DROP INDEX `IDX_069ab02c84ae9b837b958bd839` ON `unit_report_template`");
    await queryRunner.query("DROP TABLE `unit_report_template`");
    await queryRunner.query("DROP INDEX `idx_audit_entity` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
