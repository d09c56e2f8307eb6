import type { MigrationInterface, QueryRunner } from 'typeorm';

// The idempotency_key table (libs/platform idempotency.ts), the same in every subgraph's database; each subgraph lists
// these two migrations with its own.

export class IdempotencyKeys1795600000000Mysql implements MigrationInterface {
  // The timestamp ends the name: TypeORM orders migrations by the name's last 13 characters.
  name = 'IdempotencyKeysMysql1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // MEDIUMTEXT: an answer may pass TEXT's 64 KB (the plugin keeps answers up to 1 MB).
    await queryRunner.query(
      'CREATE TABLE `idempotency_key` (`actor_id` varchar(191) NOT NULL, `idem_key` varchar(128) NOT NULL, `request_hash` varchar(64) NOT NULL, `response` mediumtext NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_idempotency_created` (`created_at`), PRIMARY KEY (`actor_id`, `idem_key`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `idempotency_key`');
  }
}

export class IdempotencyKeys1795600000000Sqlite implements MigrationInterface {
  name = 'IdempotencyKeysSqlite1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_key" ("actor_id" varchar(191) NOT NULL, "idem_key" varchar(128) NOT NULL, "request_hash" varchar(64) NOT NULL, "response" text, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("actor_id", "idem_key"))',
    );
    await queryRunner.query('CREATE INDEX "idx_idempotency_created" ON "idempotency_key" ("created_at")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "idempotency_key"');
  }
}
