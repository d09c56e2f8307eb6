import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lead agency's bulk score imports and their errors (R24). */
export class ScoreImports1795389950000Mysql implements MigrationInterface {
  name = 'ScoreImports1795389950000Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `score_import` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `year` int NOT NULL, `kind` varchar(16) NOT NULL, `file_name` varchar(255) NOT NULL, `file_sha256` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `progress` int NOT NULL, `units_total` int NOT NULL, `units_imported` int NOT NULL, `units_rejected` int NOT NULL, `rows_total` int NOT NULL, `rows_imported` int NOT NULL, `error_count` int NOT NULL, `failure` text NULL, `actor_id` varchar(191) NOT NULL, `actor_roles` varchar(191) NOT NULL, `actor_unit_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, `version` int NOT NULL, INDEX `idx_score_import_campaign` (`campaign_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `score_import_error` (`id` varchar(36) NOT NULL, `import_id` varchar(36) NOT NULL, `seq` int NOT NULL, `unit_id` varchar(36) NULL, `unit_name` varchar(255) NULL, `sheet` varchar(191) NULL, `row` int NULL, `column_name` varchar(64) NULL, `code` varchar(48) NOT NULL, `message` text NOT NULL, INDEX `idx_score_import_error` (`import_id`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_score_import_error` ON `score_import_error`");
    await queryRunner.query("DROP TABLE `score_import_error`");
    await queryRunner.query("DROP INDEX `idx_score_import_campaign` ON `score_import`");
    await queryRunner.query("DROP TABLE `score_import`");
  }
}
