import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795395843407Sqlite implements MigrationInterface {
  name = 'Reminders1795395843407Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"dedup_key\" varchar(191) NOT NULL, \"recipient_unit_id\" varchar(36) NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"deadline\" varchar(32) NOT NULL, \"due_date\" date NOT NULL, \"kind\" varchar(16) NOT NULL, \"text\" text NOT NULL, \"created_at\" datetime(3) NOT NULL, \"read_at\" datetime(3), \"digest_id\" varchar(36))");
    await queryRunner.query("CREATE INDEX \"idx_notification_recipient\" ON \"notification\" (\"recipient_unit_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notification\" ON \"notification\" (\"dedup_key\") ");
    await queryRunner.query("CREATE TABLE \"digest\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"recipient_unit_id\" varchar(36) NOT NULL, \"day\" date NOT NULL, \"email\" varchar(255) NOT NULL, \"items\" integer NOT NULL, \"status\" varchar(8) NOT NULL, \"sent_at\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_digest\" ON \"digest\" (\"recipient_unit_id\", \"day\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_digest\"");
    await queryRunner.query("DROP TABLE \"digest\"");
    await queryRunner.query("DROP INDEX \"uq_notification\"");
    await queryRunner.query("DROP INDEX \"idx_notification_recipient\"");
    await queryRunner.query("DROP TABLE \"notification\"");
  }
}
