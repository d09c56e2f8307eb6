import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The province's inbox: signed reports received from cities, and their files. */
export class ReceivedReports1795600100000Mysql implements MigrationInterface {
  name = 'ReceivedReportsMysql1795600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `received_report` (`id` varchar(36) NOT NULL, `sender_code` varchar(64) NOT NULL, `sender_name` varchar(255) NOT NULL, `delivery_id` varchar(128) NOT NULL, `report_code` varchar(64) NOT NULL, `report_name` varchar(500) NOT NULL, `report_kind` varchar(32) NOT NULL, `period` varchar(32) NOT NULL, `recipient` varchar(255) NOT NULL, `received_at` datetime(3) NOT NULL, `signature_verified` tinyint NOT NULL, `signature` varchar(100) NOT NULL, `signed_at` varchar(20) NOT NULL, UNIQUE INDEX `uq_received_report` (`sender_code`, `delivery_id`), INDEX `idx_received_report_at` (`received_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `received_document` (`id` varchar(36) NOT NULL, `received_id` varchar(36) NOT NULL, `position` int NOT NULL, `name` varchar(255) NOT NULL, `mime_type` varchar(127) NOT NULL, `sha256` varchar(64) NOT NULL, `size` int NOT NULL, INDEX `idx_received_document` (`received_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `received_document`');
    await queryRunner.query('DROP TABLE `received_report`');
  }
}
