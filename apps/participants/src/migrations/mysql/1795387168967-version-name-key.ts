import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillVersionNameKeys } from '../backfill';

/** Search units by the name they had on a date: each name version gets its key. Written by hand. */
export class VersionNameKey1795387168967Mysql implements MigrationInterface {
  name = 'VersionNameKey1795387168967Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `org_unit_version` ADD `name_key` varchar(255) NOT NULL DEFAULT ''");
    await backfillVersionNameKeys(queryRunner, (id) => `\`${id}\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `org_unit_version` DROP COLUMN `name_key`');
  }
}
