import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Nội vụ's bulk imports of the unit directory and their errors. */
export class DirectoryImports1795390123456Mysql implements MigrationInterface {
  name = 'DirectoryImports1795390123456Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `directory_import` (`id` varchar(36) NOT NULL, `file_name` varchar(255) NOT NULL, `file_sha256` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `progress` int NOT NULL, `units_total` int NOT NULL, `units_created` int NOT NULL, `units_existing` int NOT NULL, `people_total` int NOT NULL, `people_created` int NOT NULL, `people_existing` int NOT NULL, `registrations_total` int NOT NULL, `registrations_created` int NOT NULL, `registrations_existing` int NOT NULL, `error_count` int NOT NULL, `failure` text NULL, `actor_id` varchar(191) NOT NULL, `actor_roles` varchar(191) NOT NULL, `actor_unit_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, `finished_at` datetime(3) NULL, `version` int NOT NULL, INDEX `idx_directory_import_created` (`created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `directory_import_error` (`id` varchar(36) NOT NULL, `import_id` varchar(36) NOT NULL, `seq` int NOT NULL, `sheet` varchar(191) NULL, `row` int NULL, `column_name` varchar(64) NULL, `code` varchar(48) NOT NULL, `message` text NOT NULL, INDEX `idx_directory_import_error` (`import_id`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_directory_import_error` ON `directory_import_error`");
    await queryRunner.query("DROP TABLE `directory_import_error`");
    await queryRunner.query("DROP INDEX `idx_directory_import_created` ON `directory_import`");
    await queryRunner.query("DROP TABLE `directory_import`");
  }
}
