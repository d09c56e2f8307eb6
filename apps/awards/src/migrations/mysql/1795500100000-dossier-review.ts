import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossier review (issue 13): each campaign's rules on award dossiers; what each attached file is (its document type as
 * read, pages, kind of file), who confirmed the achievement report, and Nội vụ's check of each document at appraisal.
 * The single «confirmed by the proposing level» flag becomes the first entry of the confirmations.
 */
export class DossierReview1795500100000Mysql implements MigrationInterface {
  name = 'DossierReviewMysql1795500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `campaign_award_rules` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `dossier_copies` int NOT NULL, `lead_review_required` tinyint NOT NULL DEFAULT 0, `report_confirmations` text NOT NULL, `consultation_days` int NOT NULL, `consultation_stage` varchar(16) NOT NULL, `updated_at` datetime(3) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_campaign_award_rules` (`campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `dossier_document` ADD `confirmations` text NULL, ADD `file_name` varchar(255) NULL, ADD `mime_type` varchar(127) NULL, ADD `document_type` varchar(64) NULL, ADD `pages` int NULL, ADD `checked_by` varchar(191) NULL, ADD `checked_at` datetime(3) NULL");
    await queryRunner.query("UPDATE `dossier_document` SET `confirmations` = CASE WHEN `confirmed_by_proposing_level` = 1 THEN '[\"PROPOSING_LEVEL\"]' ELSE '[]' END");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `dossier_document` DROP COLUMN `checked_at`, DROP COLUMN `checked_by`, DROP COLUMN `pages`, DROP COLUMN `document_type`, DROP COLUMN `mime_type`, DROP COLUMN `file_name`, DROP COLUMN `confirmations`");
    await queryRunner.query("DROP INDEX `uq_campaign_award_rules` ON `campaign_award_rules`");
    await queryRunner.query("DROP TABLE `campaign_award_rules`");
  }
}
