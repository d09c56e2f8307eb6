import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795388686269Sqlite implements MigrationInterface {
  name = 'Initial1795388686269Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" varchar(191), \"actor_roles\" varchar(255) NOT NULL, \"actor_unit_id\" varchar(36), \"request_id\" varchar(64), \"entity_type\" varchar(64) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"action\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"campaign_scoring\" (\"campaign_id\" varchar(36) PRIMARY KEY NOT NULL, \"rule\" text NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"scoring_period\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"self_assessment_opens\" date NOT NULL, \"self_assessment_closes\" date NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_period\" ON \"scoring_period\" (\"campaign_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"assessment\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"period_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"unit_kind\" varchar(32) NOT NULL, \"unit_name\" varchar(255) NOT NULL, \"framework_id\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"reopened_until\" date, \"max_points\" double NOT NULL, \"self_total\" double NOT NULL, \"verified_total\" double, \"submitted_at\" datetime(3), \"verified_at\" datetime(3), \"published_at\" datetime(3), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_assessment_ranking\" ON \"assessment\" (\"campaign_id\", \"year\", \"status\", \"unit_kind\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_assessment\" ON \"assessment\" (\"unit_id\", \"framework_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"indicator_score\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"assessment_id\" varchar(36) NOT NULL, \"indicator_id\" varchar(36) NOT NULL, \"self_value\" text, \"self_points\" double, \"evidence_file_ids\" text NOT NULL, \"note\" text, \"verified_points\" double, \"adjustment_reason\" text, \"verified_by\" varchar(191))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_score\" ON \"indicator_score\" (\"assessment_id\", \"indicator_id\") ");
    await queryRunner.query("CREATE TABLE \"index_framework\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"name\" varchar(500) NOT NULL, \"year\" integer NOT NULL, \"jurisdiction\" varchar(255) NOT NULL, \"target_level\" varchar(16) NOT NULL, \"applies_to_kinds\" text NOT NULL, \"legal_basis\" text, \"is_sample\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL, \"copied_from_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL, CONSTRAINT \"UQ_0f96cd17875e0861f95a4a55740\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE TABLE \"indicator_group\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"framework_id\" varchar(36) NOT NULL, \"parent_id\" varchar(36), \"code\" varchar(32) NOT NULL, \"name\" varchar(500) NOT NULL, \"kind\" varchar(16) NOT NULL, \"ordinal\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_group_framework\" ON \"indicator_group\" (\"framework_id\") ");
    await queryRunner.query("CREATE TABLE \"indicator\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"framework_id\" varchar(36) NOT NULL, \"group_id\" varchar(36) NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(1000) NOT NULL, \"max_points\" double NOT NULL, \"rule_type\" varchar(16) NOT NULL, \"rule_config\" text NOT NULL, \"evidence\" text, \"data_source\" varchar(500), \"verifying_unit\" varchar(500), \"applies_to_kinds\" text, \"ordinal\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_indicator_code\" ON \"indicator\" (\"framework_id\", \"code\") ");
    await queryRunner.query("CREATE INDEX \"idx_indicator_framework\" ON \"indicator\" (\"framework_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_indicator_framework\"");
    await queryRunner.query("DROP INDEX \"uq_indicator_code\"");
    await queryRunner.query("DROP TABLE \"indicator\"");
    await queryRunner.query("DROP INDEX \"idx_group_framework\"");
    await queryRunner.query("DROP TABLE \"indicator_group\"");
    await queryRunner.query("DROP TABLE \"index_framework\"");
    await queryRunner.query("DROP INDEX \"uq_score\"");
    await queryRunner.query("DROP TABLE \"indicator_score\"");
    await queryRunner.query("DROP INDEX \"uq_assessment\"");
    await queryRunner.query("DROP INDEX \"idx_assessment_ranking\"");
    await queryRunner.query("DROP TABLE \"assessment\"");
    await queryRunner.query("DROP INDEX \"uq_period\"");
    await queryRunner.query("DROP TABLE \"scoring_period\"");
    await queryRunner.query("DROP TABLE \"campaign_scoring\"");
    await queryRunner.query("DROP INDEX \"idx_audit_entity\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
