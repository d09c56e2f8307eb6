import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reward fund (issue 13): a decision records its form, occasion and total bonus (existing decisions take them from
 * their nominations) and whether Nội vụ confirmed going over the fund; the funds per campaign, year and occasion; the
 * certificates a decision confers with their register numbers and a person's position.
 */
export class RewardFund1795500000000Sqlite implements MigrationInterface {
  // TypeORM orders migrations by the last 13 characters of their name read as a number: the timestamp goes last (the
  // earlier names, ending in the database kind, read as their last 7 digits, all below this).
  name = 'RewardFundSqlite1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "award_decision" ADD COLUMN "form_id" varchar(36)');
    await queryRunner.query('ALTER TABLE "award_decision" ADD COLUMN "occasion_id" varchar(36)');
    await queryRunner.query('ALTER TABLE "award_decision" ADD COLUMN "total_bonus" bigint NOT NULL DEFAULT (0)');
    await queryRunner.query('ALTER TABLE "award_decision" ADD COLUMN "fund_exceeded" boolean NOT NULL DEFAULT (0)');
    await queryRunner.query(
      'UPDATE "award_decision" SET "form_id" = (SELECT MIN(n."form_id") FROM "nomination" n WHERE n."decision_id" = "award_decision"."id"), "occasion_id" = (SELECT MIN(n."occasion_id") FROM "nomination" n WHERE n."decision_id" = "award_decision"."id"), "total_bonus" = COALESCE((SELECT SUM(n."bonus_amount") FROM "nomination" n WHERE n."decision_id" = "award_decision"."id"), 0)',
    );
    await queryRunner.query(
      'CREATE TABLE "reward_fund" ("id" varchar(36) PRIMARY KEY NOT NULL, "campaign_id" varchar(36) NOT NULL, "year" integer NOT NULL, "occasion_key" varchar(36) NOT NULL, "amount" bigint NOT NULL, "source" text NOT NULL, "updated_by" varchar(191) NOT NULL, "version" integer NOT NULL)',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_reward_fund" ON "reward_fund" ("campaign_id", "year", "occasion_key") ');
    await queryRunner.query(
      'CREATE TABLE "award_certificate" ("id" varchar(36) PRIMARY KEY NOT NULL, "decision_id" varchar(36) NOT NULL, "nomination_id" varchar(36) NOT NULL, "ordinal" integer NOT NULL, "form_id" varchar(36) NOT NULL, "register_year" integer NOT NULL, "register_number" integer NOT NULL, "position" varchar(255))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_award_certificate_register" ON "award_certificate" ("form_id", "register_year", "register_number") ');
    await queryRunner.query('CREATE INDEX "idx_award_certificate_decision" ON "award_certificate" ("decision_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_award_certificate_decision"');
    await queryRunner.query('DROP INDEX "uq_award_certificate_register"');
    await queryRunner.query('DROP TABLE "award_certificate"');
    await queryRunner.query('DROP INDEX "uq_reward_fund"');
    await queryRunner.query('DROP TABLE "reward_fund"');
    await queryRunner.query('ALTER TABLE "award_decision" DROP COLUMN "fund_exceeded"');
    await queryRunner.query('ALTER TABLE "award_decision" DROP COLUMN "total_bonus"');
    await queryRunner.query('ALTER TABLE "award_decision" DROP COLUMN "occasion_id"');
    await queryRunner.query('ALTER TABLE "award_decision" DROP COLUMN "form_id"');
  }
}
