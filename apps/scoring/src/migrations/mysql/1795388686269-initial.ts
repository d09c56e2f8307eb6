import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795388686269Mysql implements MigrationInterface {
  name = 'Initial1795388686269Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_id` varchar(191) NULL, `actor_roles` varchar(255) NOT NULL, `actor_unit_id` varchar(36) NULL, `request_id` varchar(64) NULL, `entity_type` varchar(64) NOT NULL, `entity_id` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `campaign_scoring` (`campaign_id` varchar(36) NOT NULL, `rule` text NOT NULL, `version` int NOT NULL, PRIMARY KEY (`campaign_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `scoring_period` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `year` int NOT NULL, `self_assessment_opens` date NOT NULL, `self_assessment_closes` date NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_period` (`campaign_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `assessment` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `period_id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `unit_kind` varchar(32) NOT NULL, `unit_name` varchar(255) NOT NULL, `framework_id` varchar(36) NOT NULL, `year` int NOT NULL, `status` varchar(16) NOT NULL, `reopened_until` date NULL, `max_points` double NOT NULL, `self_total` double NOT NULL, `verified_total` double NULL, `submitted_at` datetime(3) NULL, `verified_at` datetime(3) NULL, `published_at` datetime(3) NULL, `version` int NOT NULL, INDEX `idx_assessment_ranking` (`campaign_id`, `year`, `status`, `unit_kind`), UNIQUE INDEX `uq_assessment` (`unit_id`, `framework_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator_score` (`id` varchar(36) NOT NULL, `assessment_id` varchar(36) NOT NULL, `indicator_id` varchar(36) NOT NULL, `self_value` text NULL, `self_points` double NULL, `evidence_file_ids` text NOT NULL, `note` text NULL, `verified_points` double NULL, `adjustment_reason` text NULL, `verified_by` varchar(191) NULL, UNIQUE INDEX `uq_score` (`assessment_id`, `indicator_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `index_framework` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(500) NOT NULL, `year` int NOT NULL, `jurisdiction` varchar(255) NOT NULL, `target_level` varchar(16) NOT NULL, `applies_to_kinds` text NOT NULL, `legal_basis` text NULL, `is_sample` tinyint NOT NULL DEFAULT 0, `status` varchar(16) NOT NULL, `copied_from_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_0f96cd17875e0861f95a4a5574` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator_group` (`id` varchar(36) NOT NULL, `framework_id` varchar(36) NOT NULL, `parent_id` varchar(36) NULL, `code` varchar(32) NOT NULL, `name` varchar(500) NOT NULL, `kind` varchar(16) NOT NULL, `ordinal` int NOT NULL, INDEX `idx_group_framework` (`framework_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator` (`id` varchar(36) NOT NULL, `framework_id` varchar(36) NOT NULL, `group_id` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(1000) NOT NULL, `max_points` double NOT NULL, `rule_type` varchar(16) NOT NULL, `rule_config` text NOT NULL, `evidence` text NULL, `data_source` varchar(500) NULL, `verifying_unit` varchar(500) NULL, `applies_to_kinds` text NULL, `ordinal` int NOT NULL, UNIQUE INDEX `uq_indicator_code` (`framework_id`, `code`), INDEX `idx_indicator_framework` (`framework_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_indicator_framework` ON `indicator`");
    await queryRunner.query("DROP INDEX `uq_indicator_code` ON `indicator`");
    await queryRunner.query("DROP TABLE `indicator`");
    await queryRunner.query("DROP INDEX `idx_group_framework` ON `indicator_group`");
    await queryRunner.query("DROP TABLE `indicator_group`");
    await queryRunner.query("DROP INDEX `IDX_0f96cd17875e0861f95a4a5574` ON `index_framework`");
    await queryRunner.query("DROP TABLE `index_framework`");
    await queryRunner.query("DROP INDEX `uq_score` ON `indicator_score`");
    await queryRunner.query("DROP TABLE `indicator_score`");
    await queryRunner.query("DROP INDEX `uq_assessment` ON `assessment`");
    await queryRunner.query("DROP INDEX `idx_assessment_ranking` ON `assessment`");
    await queryRunner.query("DROP TABLE `assessment`");
    await queryRunner.query("DROP INDEX `uq_period` ON `scoring_period`");
    await queryRunner.query("DROP TABLE `scoring_period`");
    await queryRunner.query("DROP TABLE `campaign_scoring`");
    await queryRunner.query("DROP INDEX `idx_audit_entity` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
