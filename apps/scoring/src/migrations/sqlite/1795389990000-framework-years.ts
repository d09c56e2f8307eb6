import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index applies to a range of years (405/QĐ-BKHCN from DTI 2024 on, until replaced), and a campaign lists the
 * indices it scores on. Existing indices keep applying to their one year. Written by hand.
 */
export class FrameworkYears1795389990000Sqlite implements MigrationInterface {
  name = 'FrameworkYears1795389990000Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "index_framework" ADD COLUMN "year_to" integer');
    await queryRunner.query('UPDATE "index_framework" SET "year_to" = "year"');
    await queryRunner.query(
      'CREATE TABLE "campaign_framework" ("campaign_id" varchar(36) NOT NULL, "framework_id" varchar(36) NOT NULL, PRIMARY KEY ("campaign_id", "framework_id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "campaign_framework"');
    await queryRunner.query('ALTER TABLE "index_framework" DROP COLUMN "year_to"');
  }
}
