import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Nội vụ's bulk imports of the unit directory and their errors. */
export class DirectoryImports1795390123456Sqlite implements MigrationInterface {
  name = 'DirectoryImports1795390123456Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "directory_import" ("id" varchar(36) PRIMARY KEY NOT NULL, "file_name" varchar(255) NOT NULL, "file_sha256" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "progress" integer NOT NULL, "units_total" integer NOT NULL, "units_created" integer NOT NULL, "units_existing" integer NOT NULL, "people_total" integer NOT NULL, "people_created" integer NOT NULL, "people_existing" integer NOT NULL, "registrations_total" integer NOT NULL, "registrations_created" integer NOT NULL, "registrations_existing" integer NOT NULL, "error_count" integer NOT NULL, "failure" text, "actor_id" varchar(191) NOT NULL, "actor_roles" varchar(191) NOT NULL, "actor_unit_id" varchar(36), "created_at" datetime(3) NOT NULL, "finished_at" datetime(3), "version" integer NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_directory_import_created" ON "directory_import" ("created_at") ');
    await queryRunner.query('CREATE TABLE "directory_import_error" ("id" varchar(36) PRIMARY KEY NOT NULL, "import_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "sheet" varchar(191), "row" integer, "column_name" varchar(64), "code" varchar(48) NOT NULL, "message" text NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_directory_import_error" ON "directory_import_error" ("import_id", "seq") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_directory_import_error"');
    await queryRunner.query('DROP TABLE "directory_import_error"');
    await queryRunner.query('DROP INDEX "idx_directory_import_created"');
    await queryRunner.query('DROP TABLE "directory_import"');
  }
}
