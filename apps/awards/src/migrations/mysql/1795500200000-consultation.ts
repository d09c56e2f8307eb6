import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public consultation (issue 13, R27): a consultation publishes nominations of one occasion for a period; each nominee as
 * published; comments and objections with their author's contact and Nội vụ's answer.
 */
export class Consultation1795500200000Mysql implements MigrationInterface {
  // TypeORM orders migrations by the last 13 characters of their name read as a number: the timestamp goes last.
  name = 'ConsultationMysql1795500200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `consultation` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `occasion_id` varchar(36) NOT NULL, `stage` varchar(16) NOT NULL, `starts_on` date NOT NULL, `ends_on` date NOT NULL, `opened_by` varchar(191) NOT NULL, `created_at` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_consultation_campaign` (`campaign_id`, `starts_on`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `consultation_nominee` (`id` varchar(36) NOT NULL, `consultation_id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `position` int NOT NULL, `collective` tinyint NOT NULL, `name` varchar(500) NOT NULL, `job_title` varchar(255) NULL, `unit_name` varchar(500) NULL, `form_name` varchar(500) NOT NULL, `proposing_unit_name` varchar(500) NOT NULL, `achievement_summary` text NOT NULL, UNIQUE INDEX `uq_consultation_nominee` (`nomination_id`), INDEX `idx_consultation_nominee` (`consultation_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `consultation_comment` (`id` varchar(36) NOT NULL, `consultation_id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `author_name` varchar(255) NOT NULL, `contact` varchar(255) NOT NULL, `contact_key` varchar(255) NOT NULL, `content` text NOT NULL, `submitted_at` datetime(3) NOT NULL, `answer` text NULL, `answered_by` varchar(191) NULL, `answered_at` datetime(3) NULL, `published` tinyint NOT NULL DEFAULT 0, `version` int NOT NULL, INDEX `idx_consultation_comment` (`consultation_id`, `submitted_at`), INDEX `idx_consultation_comment_nomination` (`nomination_id`), INDEX `idx_consultation_comment_contact` (`contact_key`, `submitted_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `consultation_comment`');
    await queryRunner.query('DROP TABLE `consultation_nominee`');
    await queryRunner.query('DROP TABLE `consultation`');
  }
}
