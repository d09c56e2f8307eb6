import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reward fund (issue 13): a decision records its form, occasion and total bonus (existing decisions take them from
 * their nominations) and whether Nội vụ confirmed going over the fund; the funds per campaign, year and occasion; the
 * certificates a decision confers with their register numbers and a person's position.
 */
export class RewardFund1795500000000Mysql implements MigrationInterface {
  // TypeORM orders migrations by the last 13 characters of their name read as a number: the timestamp goes last (the
  // earlier names, ending in the database kind, read as their last 7 digits, all below this).
  name = 'RewardFundMysql1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `award_decision` ADD `form_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `award_decision` ADD `occasion_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `award_decision` ADD `total_bonus` bigint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `award_decision` ADD `fund_exceeded` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query(
      "UPDATE `award_decision` d SET `form_id` = (SELECT MIN(n.`form_id`) FROM `nomination` n WHERE n.`decision_id` = d.`id`), `occasion_id` = (SELECT MIN(n.`occasion_id`) FROM `nomination` n WHERE n.`decision_id` = d.`id`), `total_bonus` = COALESCE((SELECT SUM(n.`bonus_amount`) FROM `nomination` n WHERE n.`decision_id` = d.`id`), 0)",
    );
    await queryRunner.query(
      "CREATE TABLE `reward_fund` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `year` int NOT NULL, `occasion_key` varchar(36) NOT NULL, `amount` bigint NOT NULL, `source` text NOT NULL, `updated_by` varchar(191) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `uq_reward_fund` (`campaign_id`, `year`, `occasion_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `award_certificate` (`id` varchar(36) NOT NULL, `decision_id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `ordinal` int NOT NULL, `form_id` varchar(36) NOT NULL, `register_year` int NOT NULL, `register_number` int NOT NULL, `position` varchar(255) NULL, UNIQUE INDEX `uq_award_certificate_register` (`form_id`, `register_year`, `register_number`), INDEX `idx_award_certificate_decision` (`decision_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `award_certificate`");
    await queryRunner.query("DROP TABLE `reward_fund`");
    await queryRunner.query("ALTER TABLE `award_decision` DROP COLUMN `fund_exceeded`");
    await queryRunner.query("ALTER TABLE `award_decision` DROP COLUMN `total_bonus`");
    await queryRunner.query("ALTER TABLE `award_decision` DROP COLUMN `occasion_id`");
    await queryRunner.query("ALTER TABLE `award_decision` DROP COLUMN `form_id`");
  }
}
