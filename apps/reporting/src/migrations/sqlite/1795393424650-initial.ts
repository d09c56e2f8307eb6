import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795393424650Sqlite implements MigrationInterface {
  name = 'Initial1795393424650Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" varchar(191), \"actor_roles\" varchar(255) NOT NULL, \"actor_unit_id\" varchar(36), \"request_id\" varchar(64), \"entity_type\" varchar(64) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"action\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"unit_report_template\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"fields\" text NOT NULL, \"source_clause\" varchar(64), \"version\" integer NOT NULL, CONSTRAINT \"UQ_069ab02c84ae9b837b958bd8394\" UNIQUE (\"campaign_id\"))");
    await queryRunner.query("CREATE TABLE \"unit_report\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"status\" varchar(16) NOT NULL, \"values\" text NOT NULL, \"attachment_ids\" text NOT NULL, \"deadline\" date, \"submitted_at\" datetime(3), \"submitted_on\" date, \"late\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_unit_report_unit\" ON \"unit_report\" (\"unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_unit_report\" ON \"unit_report\" (\"campaign_id\", \"year\", \"unit_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_unit_report\"");
    await queryRunner.query("DROP INDEX \"idx_unit_report_unit\"");
    await queryRunner.query("DROP TABLE \"unit_report\"");
    await queryRunner.query("DROP TABLE \"unit_report_template\"");
    await queryRunner.query("DROP INDEX \"idx_audit_entity\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
