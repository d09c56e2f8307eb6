import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliveries1795394977185Sqlite implements MigrationInterface {
  name = 'Deliveries1795394977185Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"delivery\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"run_id\" varchar(36) NOT NULL, \"channel\" varchar(8) NOT NULL, \"target\" varchar(500) NOT NULL, \"status\" varchar(8) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" text, \"sent_at\" datetime(3), \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_delivery\" ON \"delivery\" (\"run_id\", \"channel\") ");
    await queryRunner.query("CREATE TABLE \"delivery_attempt\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"delivery_id\" varchar(36) NOT NULL, \"at\" datetime(3) NOT NULL, \"ok\" boolean NOT NULL, \"detail\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_delivery_attempt\" ON \"delivery_attempt\" (\"delivery_id\", \"at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_delivery_attempt\"");
    await queryRunner.query("DROP TABLE \"delivery_attempt\"");
    await queryRunner.query("DROP INDEX \"uq_delivery\"");
    await queryRunner.query("DROP TABLE \"delivery\"");
  }
}
