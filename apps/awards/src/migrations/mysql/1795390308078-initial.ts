import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795390308078Mysql implements MigrationInterface {
  name = 'Initial1795390308078Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_id` varchar(191) NULL, `actor_roles` varchar(255) NOT NULL, `actor_unit_id` varchar(36) NULL, `request_id` varchar(64) NULL, `entity_type` varchar(64) NOT NULL, `entity_id` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `legal_instrument` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `number` varchar(64) NOT NULL, `title` varchar(500) NOT NULL, `valid_from` date NOT NULL, `valid_to` date NULL, `report_template` varchar(255) NULL, `blocks_pending_proceedings` tinyint NOT NULL DEFAULT 0, `note` text NULL, UNIQUE INDEX `IDX_9d6ded80b2e37a44250653bb28` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `award_form` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(500) NOT NULL, `kind` varchar(16) NOT NULL, `authority` varchar(16) NOT NULL, `authority_title` varchar(255) NOT NULL, `for_collectives` tinyint NOT NULL, `for_individuals` tinyint NOT NULL, `legal_basis` text NULL, `valid_from` date NULL, `valid_to` date NULL, `version` int NOT NULL, UNIQUE INDEX `uq_award_form` (`campaign_id`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `occasion` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `name` varchar(255) NOT NULL, `year` int NOT NULL, `start_date` date NULL, `end_date` date NOT NULL, `version` int NOT NULL, INDEX `idx_occasion_campaign` (`campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_occasion_campaign` ON `occasion`");
    await queryRunner.query("DROP TABLE `occasion`");
    await queryRunner.query("DROP INDEX `uq_award_form` ON `award_form`");
    await queryRunner.query("DROP TABLE `award_form`");
    await queryRunner.query("DROP INDEX `IDX_9d6ded80b2e37a44250653bb28` ON `legal_instrument`");
    await queryRunner.query("DROP TABLE `legal_instrument`");
    await queryRunner.query("DROP INDEX `idx_audit_entity` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
