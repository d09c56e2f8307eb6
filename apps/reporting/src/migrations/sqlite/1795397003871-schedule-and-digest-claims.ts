import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduleAndDigestClaims1795397003871Sqlite implements MigrationInterface {
  name = 'ScheduleAndDigestClaims1795397003871Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"temporary_report_schedule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"pattern\" varchar(64) NOT NULL, \"tz\" varchar(64) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_report_schedule\"(\"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\") SELECT \"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\" FROM \"report_schedule\"");
    await queryRunner.query("DROP TABLE \"report_schedule\"");
    await queryRunner.query("ALTER TABLE \"temporary_report_schedule\" RENAME TO \"report_schedule\"");
    await queryRunner.query("DROP INDEX \"uq_digest\"");
    await queryRunner.query("CREATE TABLE \"temporary_digest\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"recipient_unit_id\" varchar(36) NOT NULL, \"day\" date NOT NULL, \"email\" varchar(255) NOT NULL, \"items\" integer NOT NULL, \"status\" varchar(8) NOT NULL, \"sent_at\" datetime(3), \"claimed_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"temporary_digest\"(\"id\", \"recipient_unit_id\", \"day\", \"email\", \"items\", \"status\", \"sent_at\") SELECT \"id\", \"recipient_unit_id\", \"day\", \"email\", \"items\", \"status\", \"sent_at\" FROM \"digest\"");
    await queryRunner.query("DROP TABLE \"digest\"");
    await queryRunner.query("ALTER TABLE \"temporary_digest\" RENAME TO \"digest\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest\" ON \"digest\" (\"recipient_unit_id\", \"day\") ");
    await queryRunner.query("CREATE TABLE \"temporary_report_schedule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"pattern\" varchar(64) NOT NULL, \"tz\" varchar(64) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL, CONSTRAINT \"UQ_12774c75270254d5fb17fd4721f\" UNIQUE (\"definition_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_report_schedule\"(\"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\") SELECT \"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\" FROM \"report_schedule\"");
    await queryRunner.query("DROP TABLE \"report_schedule\"");
    await queryRunner.query("ALTER TABLE \"temporary_report_schedule\" RENAME TO \"report_schedule\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"report_schedule\" RENAME TO \"temporary_report_schedule\"");
    await queryRunner.query("CREATE TABLE \"report_schedule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"pattern\" varchar(64) NOT NULL, \"tz\" varchar(64) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"report_schedule\"(\"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\") SELECT \"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\" FROM \"temporary_report_schedule\"");
    await queryRunner.query("DROP TABLE \"temporary_report_schedule\"");
    await queryRunner.query("DROP INDEX \"uq_digest\"");
    await queryRunner.query("ALTER TABLE \"digest\" RENAME TO \"temporary_digest\"");
    await queryRunner.query("CREATE TABLE \"digest\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"recipient_unit_id\" varchar(36) NOT NULL, \"day\" date NOT NULL, \"email\" varchar(255) NOT NULL, \"items\" integer NOT NULL, \"status\" varchar(8) NOT NULL, \"sent_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"digest\"(\"id\", \"recipient_unit_id\", \"day\", \"email\", \"items\", \"status\", \"sent_at\") SELECT \"id\", \"recipient_unit_id\", \"day\", \"email\", \"items\", \"status\", \"sent_at\" FROM \"temporary_digest\"");
    await queryRunner.query("DROP TABLE \"temporary_digest\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest\" ON \"digest\" (\"recipient_unit_id\", \"day\") ");
    await queryRunner.query("ALTER TABLE \"report_schedule\" RENAME TO \"temporary_report_schedule\"");
    await queryRunner.query("CREATE TABLE \"report_schedule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"definition_id\" varchar(36) NOT NULL, \"pattern\" varchar(64) NOT NULL, \"tz\" varchar(64) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"report_schedule\"(\"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\") SELECT \"id\", \"definition_id\", \"pattern\", \"tz\", \"enabled\", \"version\" FROM \"temporary_report_schedule\"");
    await queryRunner.query("DROP TABLE \"temporary_report_schedule\"");
  }
}
