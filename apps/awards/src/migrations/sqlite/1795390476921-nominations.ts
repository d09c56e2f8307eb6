import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Nominations1795390476921Sqlite implements MigrationInterface {
  name = 'Nominations1795390476921Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"nomination\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"occasion_id\" varchar(36) NOT NULL, \"form_id\" varchar(36) NOT NULL, \"proposing_unit_id\" varchar(36) NOT NULL, \"candidate_unit_id\" varchar(36), \"candidate_person_id\" varchar(36), \"candidate_key\" varchar(48) NOT NULL, \"achievement_summary\" text NOT NULL, \"initiative_ids\" text NOT NULL, \"nomination_date\" date NOT NULL, \"pending_proceedings\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL, \"submitted_at\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_nomination_campaign\" ON \"nomination\" (\"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_nomination_candidate\" ON \"nomination\" (\"candidate_key\", \"occasion_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_nomination_candidate\"");
    await queryRunner.query("DROP INDEX \"idx_nomination_campaign\"");
    await queryRunner.query("DROP TABLE \"nomination\"");
  }
}
