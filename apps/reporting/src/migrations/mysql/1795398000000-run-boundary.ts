import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A report run's choice of units (R25): one run per definition, period and boundary. */
export class RunBoundary1795398000000Mysql implements MigrationInterface {
  name = 'RunBoundary1795398000000Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `report_run` ADD `rolled_up_to` varchar(10) NOT NULL DEFAULT ''");
    await queryRunner.query('ALTER TABLE `report_run` DROP INDEX `uq_report_run`, ADD UNIQUE INDEX `uq_report_run` (`definition_id`, `period`, `rolled_up_to`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM `report_run` WHERE `rolled_up_to` <> ''");
    await queryRunner.query('ALTER TABLE `report_run` DROP INDEX `uq_report_run`, ADD UNIQUE INDEX `uq_report_run` (`definition_id`, `period`)');
    await queryRunner.query('ALTER TABLE `report_run` DROP COLUMN `rolled_up_to`');
  }
}
