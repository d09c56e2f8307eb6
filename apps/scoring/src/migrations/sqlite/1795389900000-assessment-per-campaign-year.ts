import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One assessment per unit, campaign and year, so a unit is never ranked twice. Written by hand. */
export class AssessmentPerCampaignYear1795389900000Sqlite implements MigrationInterface {
  name = 'AssessmentPerCampaignYear1795389900000Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE UNIQUE INDEX "uq_assessment_campaign_year" ON "assessment" ("unit_id", "campaign_id", "year")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_assessment_campaign_year"');
  }
}
