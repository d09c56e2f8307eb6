import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795982402216Sqlite implements MigrationInterface {
  name = 'Accounts1795982402216Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" varchar(191), \"actor_roles\" varchar(255) NOT NULL, \"actor_unit_id\" varchar(36), \"request_id\" varchar(64), \"entity_type\" varchar(64) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"action\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"account\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(255) NOT NULL, \"roles\" varchar(255) NOT NULL, \"org_unit_id\" varchar(36), \"email\" varchar(255), \"active\" boolean NOT NULL DEFAULT (1), \"password_hash\" varchar(100) NOT NULL, \"must_change_password\" boolean NOT NULL DEFAULT (0), \"failed_attempts\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_account_username\" ON \"account\" (\"username\") ");
    await queryRunner.query("CREATE TABLE \"auth_session\" (\"id\" varchar(64) PRIMARY KEY NOT NULL, \"account_id\" varchar(36), \"subject\" varchar(191) NOT NULL, \"display_name\" varchar(255) NOT NULL, \"roles\" varchar(255) NOT NULL, \"org_unit_id\" varchar(36), \"access_token\" text, \"refresh_token\" text, \"id_token\" text, \"token_expires_at\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"last_seen_at\" datetime(3) NOT NULL, \"expires_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_auth_session_account\" ON \"auth_session\" (\"account_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_auth_session_expires\" ON \"auth_session\" (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_auth_session_expires\"");
    await queryRunner.query("DROP INDEX \"idx_auth_session_account\"");
    await queryRunner.query("DROP TABLE \"auth_session\"");
    await queryRunner.query("DROP INDEX \"uq_account_username\"");
    await queryRunner.query("DROP TABLE \"account\"");
    await queryRunner.query("DROP INDEX \"idx_audit_entity\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
