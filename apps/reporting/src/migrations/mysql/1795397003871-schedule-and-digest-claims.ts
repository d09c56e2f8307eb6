import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduleAndDigestClaims1795397003871Mysql implements MigrationInterface {
  name = 'ScheduleAndDigestClaims1795397003871Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `digest` ADD `claimed_at` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `report_schedule` ADD UNIQUE INDEX `IDX_802a3d3903a195f005201bd728` (`definition_id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `report_schedule` DROP INDEX `IDX_802a3d3903a195f005201bd728`");
    await queryRunner.query("ALTER TABLE `digest` DROP COLUMN `claimed_at`");
  }
}
