import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportRuns1795394414289Mysql implements MigrationInterface {
  name = 'ReportRuns1795394414289Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `report_definition` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `campaign_id` varchar(36) NOT NULL, `name` varchar(500) NOT NULL, `kind` varchar(32) NOT NULL, `operation` text NOT NULL, `template` varchar(64) NOT NULL, `recipient` varchar(255) NOT NULL, `deliver_to_province` tinyint NOT NULL DEFAULT 0, `version` int NOT NULL, UNIQUE INDEX `IDX_ebf5c603001c1c1d5929a49e68` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `report_schedule` (`id` varchar(36) NOT NULL, `definition_id` varchar(36) NOT NULL, `pattern` varchar(64) NOT NULL, `tz` varchar(64) NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, `version` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `report_run` (`id` varchar(36) NOT NULL, `definition_id` varchar(36) NOT NULL, `period` varchar(16) NOT NULL, `status` varchar(16) NOT NULL, `progress` int NOT NULL DEFAULT '0', `trigger` varchar(16) NOT NULL, `requested_by` varchar(191) NOT NULL, `generation` int NOT NULL DEFAULT '1', `error` text NULL, `created_at` datetime(3) NOT NULL, `started_at` datetime(3) NULL, `finished_at` datetime(3) NULL, `version` int NOT NULL, UNIQUE INDEX `uq_report_run` (`definition_id`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `report_document` (`id` varchar(36) NOT NULL, `run_id` varchar(36) NOT NULL, `format` varchar(8) NOT NULL, `name` varchar(255) NOT NULL, `mime_type` varchar(127) NOT NULL, `sha256` varchar(64) NOT NULL, `size` int NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_report_document` (`run_id`, `format`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_report_document` ON `report_document`");
    await queryRunner.query("DROP TABLE `report_document`");
    await queryRunner.query("DROP INDEX `uq_report_run` ON `report_run`");
    await queryRunner.query("DROP TABLE `report_run`");
    await queryRunner.query("DROP TABLE `report_schedule`");
    await queryRunner.query("DROP INDEX `IDX_ebf5c603001c1c1d5929a49e68` ON `report_definition`");
    await queryRunner.query("DROP TABLE `report_definition`");
  }
}
