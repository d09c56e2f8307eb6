import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lead agency's bulk score imports and their errors (R24). */
export class ScoreImports1795389950000Sqlite implements MigrationInterface {
  name = 'ScoreImports1795389950000Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"score_import\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"year\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"file_name\" varchar(255) NOT NULL, \"file_sha256\" varchar(64) NOT NULL, \"status\" varchar(16) NOT NULL, \"progress\" integer NOT NULL, \"units_total\" integer NOT NULL, \"units_imported\" integer NOT NULL, \"units_rejected\" integer NOT NULL, \"rows_total\" integer NOT NULL, \"rows_imported\" integer NOT NULL, \"error_count\" integer NOT NULL, \"failure\" text, \"actor_id\" varchar(191) NOT NULL, \"actor_roles\" varchar(191) NOT NULL, \"actor_unit_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"finished_at\" datetime(3), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_score_import_campaign\" ON \"score_import\" (\"campaign_id\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"score_import_error\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"import_id\" varchar(36) NOT NULL, \"seq\" integer NOT NULL, \"unit_id\" varchar(36), \"unit_name\" varchar(255), \"sheet\" varchar(191), \"row\" integer, \"column_name\" varchar(64), \"code\" varchar(48) NOT NULL, \"message\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_score_import_error\" ON \"score_import_error\" (\"import_id\", \"seq\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_score_import_error\"");
    await queryRunner.query("DROP TABLE \"score_import_error\"");
    await queryRunner.query("DROP INDEX \"idx_score_import_campaign\"");
    await queryRunner.query("DROP TABLE \"score_import\"");
  }
}
