import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dossier documents (R13). Generated, then reduced by hand to the new table. */
export class DossierDocuments1795390910927Mysql implements MigrationInterface {
  name = 'DossierDocuments1795390910927Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `dossier_document` (`id` varchar(36) NOT NULL, `nomination_id` varchar(36) NOT NULL, `kind` varchar(32) NOT NULL, `file_id` varchar(36) NOT NULL, `issued_date` date NULL, `valid_until` date NULL, `confirmed_by_proposing_level` tinyint NOT NULL DEFAULT 0, `uploaded_by` varchar(191) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_dossier_nomination` (`nomination_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_dossier_nomination` ON `dossier_document`");
    await queryRunner.query("DROP TABLE `dossier_document`");
  }
}
