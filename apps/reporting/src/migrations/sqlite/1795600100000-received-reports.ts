import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The province's inbox: signed reports received from cities, and their files. */
export class ReceivedReports1795600100000Sqlite implements MigrationInterface {
  name = 'ReceivedReportsSqlite1795600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "received_report" ("id" varchar(36) PRIMARY KEY NOT NULL, "sender_code" varchar(64) NOT NULL, "sender_name" varchar(255) NOT NULL, "delivery_id" varchar(128) NOT NULL, "report_code" varchar(64) NOT NULL, "report_name" varchar(500) NOT NULL, "report_kind" varchar(32) NOT NULL, "period" varchar(32) NOT NULL, "recipient" varchar(255) NOT NULL, "received_at" datetime(3) NOT NULL, "signature_verified" boolean NOT NULL, "signature" varchar(100) NOT NULL, "signed_at" varchar(20) NOT NULL)');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_received_report" ON "received_report" ("sender_code", "delivery_id") ');
    await queryRunner.query('CREATE INDEX "idx_received_report_at" ON "received_report" ("received_at") ');
    await queryRunner.query('CREATE TABLE "received_document" ("id" varchar(36) PRIMARY KEY NOT NULL, "received_id" varchar(36) NOT NULL, "position" integer NOT NULL, "name" varchar(255) NOT NULL, "mime_type" varchar(127) NOT NULL, "sha256" varchar(64) NOT NULL, "size" integer NOT NULL)');
    await queryRunner.query('CREATE INDEX "idx_received_document" ON "received_document" ("received_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_received_document"');
    await queryRunner.query('DROP TABLE "received_document"');
    await queryRunner.query('DROP INDEX "idx_received_report_at"');
    await queryRunner.query('DROP INDEX "uq_received_report"');
    await queryRunner.query('DROP TABLE "received_report"');
  }
}
