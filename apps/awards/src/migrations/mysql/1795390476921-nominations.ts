import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Nominations (R12). Generated, then reduced by hand to the new table. */
export class Nominations1795390476921Mysql implements MigrationInterface {
  name = 'Nominations1795390476921Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `nomination` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `occasion_id` varchar(36) NOT NULL, `form_id` varchar(36) NOT NULL, `proposing_unit_id` varchar(36) NOT NULL, `candidate_unit_id` varchar(36) NULL, `candidate_person_id` varchar(36) NULL, `candidate_key` varchar(48) NOT NULL, `achievement_summary` text NOT NULL, `initiative_ids` text NOT NULL, `nomination_date` date NOT NULL, `pending_proceedings` tinyint NOT NULL DEFAULT 0, `status` varchar(16) NOT NULL, `submitted_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_nomination_campaign` (`campaign_id`), INDEX `idx_nomination_candidate` (`candidate_key`, `occasion_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_nomination_candidate` ON `nomination`");
    await queryRunner.query("DROP INDEX `idx_nomination_campaign` ON `nomination`");
    await queryRunner.query("DROP TABLE `nomination`");
  }
}
