import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an uploaded file is, read at upload: the document's type by its title and its pages (issue 13). */
export class FileInspection1795500100001Sqlite implements MigrationInterface {
  name = 'FileInspectionSqlite1795500100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stored_file" ADD COLUMN "document_type" varchar(64)');
    await queryRunner.query('ALTER TABLE "stored_file" ADD COLUMN "pages" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stored_file" DROP COLUMN "pages"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP COLUMN "document_type"');
  }
}
