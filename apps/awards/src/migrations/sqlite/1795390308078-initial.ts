import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795390308078Sqlite implements MigrationInterface {
  name = 'Initial1795390308078Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" varchar(191), \"actor_roles\" varchar(255) NOT NULL, \"actor_unit_id\" varchar(36), \"request_id\" varchar(64), \"entity_type\" varchar(64) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"action\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"legal_instrument\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"number\" varchar(64) NOT NULL, \"title\" varchar(500) NOT NULL, \"valid_from\" date NOT NULL, \"valid_to\" date, \"report_template\" varchar(255), \"blocks_pending_proceedings\" boolean NOT NULL DEFAULT (0), \"note\" text, CONSTRAINT \"UQ_9d6ded80b2e37a44250653bb287\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE TABLE \"award_form\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"code\" varchar(64) NOT NULL, \"name\" varchar(500) NOT NULL, \"kind\" varchar(16) NOT NULL, \"authority\" varchar(16) NOT NULL, \"authority_title\" varchar(255) NOT NULL, \"for_collectives\" boolean NOT NULL, \"for_individuals\" boolean NOT NULL, \"legal_basis\" text, \"valid_from\" date, \"valid_to\" date, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_award_form\" ON \"award_form\" (\"campaign_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"occasion\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"name\" varchar(255) NOT NULL, \"year\" integer NOT NULL, \"start_date\" date, \"end_date\" date NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_occasion_campaign\" ON \"occasion\" (\"campaign_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_occasion_campaign\"");
    await queryRunner.query("DROP TABLE \"occasion\"");
    await queryRunner.query("DROP INDEX \"uq_award_form\"");
    await queryRunner.query("DROP TABLE \"award_form\"");
    await queryRunner.query("DROP TABLE \"legal_instrument\"");
    await queryRunner.query("DROP INDEX \"idx_audit_entity\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
