import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossier review (issue 13): each campaign's rules on award dossiers; what each attached file is (its document type as
 * read, pages, kind of file), who confirmed the achievement report, and Nội vụ's check of each document at appraisal.
 * The single «confirmed by the proposing level» flag becomes the first entry of the confirmations.
 */
export class DossierReview1795500100000Sqlite implements MigrationInterface {
  name = 'DossierReviewSqlite1795500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"campaign_award_rules\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"dossier_copies\" integer NOT NULL, \"lead_review_required\" boolean NOT NULL DEFAULT (0), \"report_confirmations\" text NOT NULL, \"consultation_days\" integer NOT NULL, \"consultation_stage\" varchar(16) NOT NULL, \"updated_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_campaign_award_rules\" ON \"campaign_award_rules\" (\"campaign_id\") ");
    for (const column of ['"confirmations" text', '"file_name" varchar(255)', '"mime_type" varchar(127)', '"document_type" varchar(64)', '"pages" integer', '"checked_by" varchar(191)', '"checked_at" datetime(3)']) {
      await queryRunner.query(`ALTER TABLE "dossier_document" ADD COLUMN ${column}`);
    }
    await queryRunner.query("UPDATE \"dossier_document\" SET \"confirmations\" = CASE WHEN \"confirmed_by_proposing_level\" = 1 THEN '[\"PROPOSING_LEVEL\"]' ELSE '[]' END");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['checked_at', 'checked_by', 'pages', 'document_type', 'mime_type', 'file_name', 'confirmations']) {
      await queryRunner.query(`ALTER TABLE "dossier_document" DROP COLUMN "${column}"`);
    }
    await queryRunner.query("DROP INDEX \"uq_campaign_award_rules\"");
    await queryRunner.query("DROP TABLE \"campaign_award_rules\"");
  }
}
