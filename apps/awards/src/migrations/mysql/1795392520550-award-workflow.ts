import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AwardWorkflow1795392520550Mysql implements MigrationInterface {
  name = 'AwardWorkflow1795392520550Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `nomination_step` (`id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `action` varchar(16) NOT NULL, `from_status` varchar(16) NOT NULL, `to_status` varchar(16) NOT NULL, `reason` text NULL, `actor_id` varchar(191) NOT NULL, `at` datetime(3) NOT NULL, INDEX `idx_nomination_step` (`nomination_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `quota` (`id` varchar(36) NOT NULL, `occasion_id` varchar(36) NOT NULL, `proposing_unit_id` varchar(36) NOT NULL, `form_key` varchar(36) NOT NULL, `max_nominations` int NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_quota` (`occasion_id`, `proposing_unit_id`, `form_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `council_review` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `occasion_id` varchar(36) NOT NULL, `name` varchar(255) NOT NULL, `meeting_date` date NOT NULL, `place` varchar(255) NOT NULL, `pass_percent` int NOT NULL, `members` text NOT NULL, `status` varchar(8) NOT NULL, `closed_at` datetime(3) NULL, `version` int NOT NULL, INDEX `idx_council_occasion` (`occasion_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `council_vote` (`id` varchar(36) NOT NULL, `review_id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `member_id` varchar(36) NOT NULL, `vote` varchar(8) NOT NULL, `recorded_by` varchar(191) NOT NULL, `at` datetime(3) NOT NULL, UNIQUE INDEX `uq_council_vote` (`review_id`, `nomination_id`, `member_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `council_recusal` (`id` varchar(36) NOT NULL, `review_id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `member_id` varchar(36) NOT NULL, `reason` text NOT NULL, `recorded_by` varchar(191) NOT NULL, `at` datetime(3) NOT NULL, UNIQUE INDEX `uq_council_recusal` (`review_id`, `nomination_id`, `member_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `award_decision` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `number` varchar(64) NOT NULL, `date` date NOT NULL, `signer` varchar(255) NOT NULL, `signer_title` varchar(255) NOT NULL, `recorded_by` varchar(191) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_award_decision` (`number`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `base_salary` (`id` varchar(36) NOT NULL, `valid_from` date NOT NULL, `amount` int NOT NULL, `legal_basis` varchar(255) NOT NULL, UNIQUE INDEX `IDX_2165b904785d200591f07d05af` (`valid_from`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `bonus_rate` (`id` varchar(36) NOT NULL, `instrument_code` varchar(64) NOT NULL, `form_kind` varchar(16) NOT NULL, `authority` varchar(16) NOT NULL, `candidate_kind` varchar(16) NOT NULL, `multiplier` double NOT NULL, `note` text NULL, UNIQUE INDEX `uq_bonus_rate` (`instrument_code`, `form_kind`, `authority`, `candidate_kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `nomination` ADD `council_review_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `nomination` ADD `decision_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `nomination` ADD `awardee_name` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `nomination` ADD `awardee_unit_name` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `nomination` ADD `bonus_amount` int NULL");
    await queryRunner.query("ALTER TABLE `nomination` ADD `bonus_basis` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `bonus_basis`");
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `bonus_amount`");
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `awardee_unit_name`");
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `awardee_name`");
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `decision_id`");
    await queryRunner.query("ALTER TABLE `nomination` DROP COLUMN `council_review_id`");
    await queryRunner.query("DROP INDEX `uq_bonus_rate` ON `bonus_rate`");
    await queryRunner.query("DROP TABLE `bonus_rate`");
    await queryRunner.query("DROP INDEX `IDX_2165b904785d200591f07d05af` ON `base_salary`");
    await queryRunner.query("DROP TABLE `base_salary`");
    await queryRunner.query("DROP INDEX `uq_award_decision` ON `award_decision`");
    await queryRunner.query("DROP TABLE `award_decision`");
    await queryRunner.query("DROP INDEX `uq_council_recusal` ON `council_recusal`");
    await queryRunner.query("DROP TABLE `council_recusal`");
    await queryRunner.query("DROP INDEX `uq_council_vote` ON `council_vote`");
    await queryRunner.query("DROP TABLE `council_vote`");
    await queryRunner.query("DROP INDEX `idx_council_occasion` ON `council_review`");
    await queryRunner.query("DROP TABLE `council_review`");
    await queryRunner.query("DROP INDEX `uq_quota` ON `quota`");
    await queryRunner.query("DROP TABLE `quota`");
    await queryRunner.query("DROP INDEX `idx_nomination_step` ON `nomination_step`");
    await queryRunner.query("DROP TABLE `nomination_step`");
  }
}
