import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deliveries1795394977185Mysql implements MigrationInterface {
  name = 'Deliveries1795394977185Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `delivery` (`id` varchar(36) NOT NULL, `run_id` varchar(36) NOT NULL, `channel` varchar(8) NOT NULL, `target` varchar(500) NOT NULL, `status` varchar(8) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `last_error` text NULL, `sent_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_delivery` (`run_id`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `delivery_attempt` (`id` varchar(36) NOT NULL, `delivery_id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `ok` tinyint NOT NULL, `detail` text NOT NULL, INDEX `idx_delivery_attempt` (`delivery_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_delivery_attempt` ON `delivery_attempt`");
    await queryRunner.query("DROP TABLE `delivery_attempt`");
    await queryRunner.query("DROP INDEX `uq_delivery` ON `delivery`");
    await queryRunner.query("DROP TABLE `delivery`");
  }
}
