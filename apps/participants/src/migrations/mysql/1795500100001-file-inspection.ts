import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an uploaded file is, read at upload: the document's type by its title and its pages (issue 13). */
export class FileInspection1795500100001Mysql implements MigrationInterface {
  name = 'FileInspectionMysql1795500100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `stored_file` ADD `document_type` varchar(64) NULL, ADD `pages` int NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `stored_file` DROP COLUMN `pages`, DROP COLUMN `document_type`');
  }
}
