import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierDocuments1795390910927Sqlite implements MigrationInterface {
  name = 'DossierDocuments1795390910927Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dossier_document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"nomination_id\" varchar(36) NOT NULL, \"kind\" varchar(32) NOT NULL, \"file_id\" varchar(36) NOT NULL, \"issued_date\" date, \"valid_until\" date, \"confirmed_by_proposing_level\" boolean NOT NULL DEFAULT (0), \"uploaded_by\" varchar(191) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_dossier_nomination\" ON \"dossier_document\" (\"nomination_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_dossier_nomination\"");
    await queryRunner.query("DROP TABLE \"dossier_document\"");
  }
}
