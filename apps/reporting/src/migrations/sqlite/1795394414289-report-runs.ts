import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportRuns1795394414289Sqlite implements MigrationInterface {
  name = 'ReportRuns1795394414289Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report_definition\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"name\" varchar(500) NOT NULL, \"kind\" varchar(32) NOT NULL, \"operation\" text NOT NULL, \"template\" varchar(64) NOT NULL, \"recipient\" varchar(255) NOT NULL, \"deliver_to_province\" boolean NOT NULL DEFAULT (0), \"version\" integer NOT NULL, CONSTRAINT \"UQ_ebf5c603001c1c1d5929a49e682\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE TABLE \"report_schedule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"pattern\" varchar(64) NOT NULL, \"tz\" varchar(64) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"report_run\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"period\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"progress\" integer NOT NULL DEFAULT (0), \"trigger\" varchar(16) NOT NULL, \"requested_by\" varchar(191) NOT NULL, \"generation\" integer NOT NULL DEFAULT (1), \"error\" text, \"created_at\" datetime(3) NOT NULL, \"started_at\" datetime(3), \"finished_at\" datetime(3), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_report_run\" ON \"report_run\" (\"definition_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"report_document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"run_id\" varchar(36) NOT NULL, \"format\" varchar(8) NOT NULL, \"name\" varchar(255) NOT NULL, \"mime_type\" varchar(127) NOT NULL, \"sha256\" varchar(64) NOT NULL, \"size\" integer NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_report_document\" ON \"report_document\" (\"run_id\", \"format\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_report_document\"");
    await queryRunner.query("DROP TABLE \"report_document\"");
    await queryRunner.query("DROP INDEX \"uq_report_run\"");
    await queryRunner.query("DROP TABLE \"report_run\"");
    await queryRunner.query("DROP TABLE \"report_schedule\"");
    await queryRunner.query("DROP TABLE \"report_definition\"");
  }
}
