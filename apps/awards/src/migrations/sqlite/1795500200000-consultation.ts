import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public consultation (issue 13, R27): a consultation publishes nominations of one occasion for a period; each nominee as
 * published; comments and objections with their author's contact and Nội vụ's answer.
 */
export class Consultation1795500200000Sqlite implements MigrationInterface {
  // TypeORM orders migrations by the last 13 characters of their name read as a number: the timestamp goes last.
  name = 'ConsultationSqlite1795500200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "consultation" ("id" varchar(36) PRIMARY KEY NOT NULL, "campaign_id" varchar(36) NOT NULL, "occasion_id" varchar(36) NOT NULL, "stage" varchar(16) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "opened_by" varchar(191) NOT NULL, "created_at" datetime(3) NOT NULL, "version" integer NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_consultation_campaign" ON "consultation" ("campaign_id", "starts_on") ');
    await queryRunner.query('CREATE TABLE "consultation_nominee" ("id" varchar(36) PRIMARY KEY NOT NULL, "consultation_id" varchar(36) NOT NULL, "nomination_id" varchar(36) NOT NULL, "position" integer NOT NULL, "collective" boolean NOT NULL, "name" varchar(500) NOT NULL, "job_title" varchar(255), "unit_name" varchar(500), "form_name" varchar(500) NOT NULL, "proposing_unit_name" varchar(500) NOT NULL, "achievement_summary" text NOT NULL)');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_consultation_nominee" ON "consultation_nominee" ("nomination_id") ');
    await queryRunner.query('CREATE INDEX "idx_consultation_nominee" ON "consultation_nominee" ("consultation_id", "position") ');
    await queryRunner.query('CREATE TABLE "consultation_comment" ("id" varchar(36) PRIMARY KEY NOT NULL, "consultation_id" varchar(36) NOT NULL, "nomination_id" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "author_name" varchar(255) NOT NULL, "contact" varchar(255) NOT NULL, "contact_key" varchar(255) NOT NULL, "content" text NOT NULL, "submitted_at" datetime(3) NOT NULL, "answer" text, "answered_by" varchar(191), "answered_at" datetime(3), "published" boolean NOT NULL DEFAULT (0), "version" integer NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_consultation_comment" ON "consultation_comment" ("consultation_id", "submitted_at") ');
    await queryRunner.query('CREATE INDEX "idx_consultation_comment_nomination" ON "consultation_comment" ("nomination_id") ');
    await queryRunner.query('CREATE INDEX "idx_consultation_comment_contact" ON "consultation_comment" ("contact_key", "submitted_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_consultation_comment_contact"');
    await queryRunner.query('DROP INDEX "idx_consultation_comment_nomination"');
    await queryRunner.query('DROP INDEX "idx_consultation_comment"');
    await queryRunner.query('DROP TABLE "consultation_comment"');
    await queryRunner.query('DROP INDEX "idx_consultation_nominee"');
    await queryRunner.query('DROP INDEX "uq_consultation_nominee"');
    await queryRunner.query('DROP TABLE "consultation_nominee"');
    await queryRunner.query('DROP INDEX "idx_consultation_campaign"');
    await queryRunner.query('DROP TABLE "consultation"');
  }
}
