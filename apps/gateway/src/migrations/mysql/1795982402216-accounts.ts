import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795982402216Mysql implements MigrationInterface {
  name = 'Accounts1795982402216Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_id` varchar(191) NULL, `actor_roles` varchar(255) NOT NULL, `actor_unit_id` varchar(36) NULL, `request_id` varchar(64) NULL, `entity_type` varchar(64) NOT NULL, `entity_id` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `account` (`id` varchar(36) NOT NULL, `username` varchar(64) NOT NULL, `display_name` varchar(255) NOT NULL, `roles` varchar(255) NOT NULL, `org_unit_id` varchar(36) NULL, `email` varchar(255) NULL, `active` tinyint NOT NULL DEFAULT 1, `password_hash` varchar(100) NOT NULL, `must_change_password` tinyint NOT NULL DEFAULT 0, `failed_attempts` int NOT NULL DEFAULT 0, `locked_until` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_account_username` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `auth_session` (`id` varchar(64) NOT NULL, `account_id` varchar(36) NULL, `subject` varchar(191) NOT NULL, `display_name` varchar(255) NOT NULL, `roles` varchar(255) NOT NULL, `org_unit_id` varchar(36) NULL, `access_token` text NULL, `refresh_token` text NULL, `id_token` text NULL, `token_expires_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `last_seen_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, INDEX `idx_auth_session_account` (`account_id`), INDEX `idx_auth_session_expires` (`expires_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_auth_session_expires` ON `auth_session`");
    await queryRunner.query("DROP INDEX `idx_auth_session_account` ON `auth_session`");
    await queryRunner.query("DROP TABLE `auth_session`");
    await queryRunner.query("DROP INDEX `uq_account_username` ON `account`");
    await queryRunner.query("DROP TABLE `account`");
    await queryRunner.query("DROP INDEX `idx_audit_entity` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
