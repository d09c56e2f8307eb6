import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AwardWorkflow1795392520550Sqlite implements MigrationInterface {
  name = 'AwardWorkflow1795392520550Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"nomination_step\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"nomination_id\" varchar(36) NOT NULL, \"action\" varchar(16) NOT NULL, \"from_status\" varchar(16) NOT NULL, \"to_status\" varchar(16) NOT NULL, \"reason\" text, \"actor_id\" varchar(191) NOT NULL, \"at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_nomination_step\" ON \"nomination_step\" (\"nomination_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"quota\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"occasion_id\" varchar(36) NOT NULL, \"proposing_unit_id\" varchar(36) NOT NULL, \"form_key\" varchar(36) NOT NULL, \"max_nominations\" integer NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_quota\" ON \"quota\" (\"occasion_id\", \"proposing_unit_id\", \"form_key\") ");
    await queryRunner.query("CREATE TABLE \"council_review\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"occasion_id\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"meeting_date\" date NOT NULL, \"place\" varchar(255) NOT NULL, \"pass_percent\" integer NOT NULL, \"members\" text NOT NULL, \"status\" varchar(8) NOT NULL, \"closed_at\" datetime(3), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_council_occasion\" ON \"council_review\" (\"occasion_id\") ");
    await queryRunner.query("CREATE TABLE \"council_vote\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"review_id\" varchar(36) NOT NULL, \"nomination_id\" varchar(36) NOT NULL, \"member_id\" varchar(36) NOT NULL, \"vote\" varchar(8) NOT NULL, \"recorded_by\" varchar(191) NOT NULL, \"at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_council_vote\" ON \"council_vote\" (\"review_id\", \"nomination_id\", \"member_id\") ");
    await queryRunner.query("CREATE TABLE \"council_recusal\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"review_id\" varchar(36) NOT NULL, \"nomination_id\" varchar(36) NOT NULL, \"member_id\" varchar(36) NOT NULL, \"reason\" text NOT NULL, \"recorded_by\" varchar(191) NOT NULL, \"at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_council_recusal\" ON \"council_recusal\" (\"review_id\", \"nomination_id\", \"member_id\") ");
    await queryRunner.query("CREATE TABLE \"award_decision\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"number\" varchar(64) NOT NULL, \"date\" date NOT NULL, \"signer\" varchar(255) NOT NULL, \"signer_title\" varchar(255) NOT NULL, \"recorded_by\" varchar(191) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_award_decision\" ON \"award_decision\" (\"number\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"base_salary\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"valid_from\" date NOT NULL, \"amount\" integer NOT NULL, \"legal_basis\" varchar(255) NOT NULL, CONSTRAINT \"UQ_2165b904785d200591f07d05afb\" UNIQUE (\"valid_from\"))");
    await queryRunner.query("CREATE TABLE \"bonus_rate\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"instrument_code\" varchar(64) NOT NULL, \"form_kind\" varchar(16) NOT NULL, \"authority\" varchar(16) NOT NULL, \"candidate_kind\" varchar(16) NOT NULL, \"multiplier\" double NOT NULL, \"note\" text)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_bonus_rate\" ON \"bonus_rate\" (\"instrument_code\", \"form_kind\", \"authority\", \"candidate_kind\") ");
    await queryRunner.query("DROP INDEX \"idx_nomination_candidate\"");
    await queryRunner.query("DROP INDEX \"idx_nomination_campaign\"");
    await queryRunner.query("CREATE TABLE \"temporary_nomination\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"occasion_id\" varchar(36) NOT NULL, \"form_id\" varchar(36) NOT NULL, \"proposing_unit_id\" varchar(36) NOT NULL, \"candidate_unit_id\" varchar(36), \"candidate_person_id\" varchar(36), \"candidate_key\" varchar(48) NOT NULL, \"achievement_summary\" text NOT NULL, \"initiative_ids\" text NOT NULL, \"nomination_date\" date NOT NULL, \"pending_proceedings\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL, \"submitted_at\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL, \"council_review_id\" varchar(36), \"decision_id\" varchar(36), \"awardee_name\" varchar(500), \"awardee_unit_name\" varchar(500), \"bonus_amount\" integer, \"bonus_basis\" text)");
    await queryRunner.query("INSERT INTO \"temporary_nomination\"(\"id\", \"campaign_id\", \"occasion_id\", \"form_id\", \"proposing_unit_id\", \"candidate_unit_id\", \"candidate_person_id\", \"candidate_key\", \"achievement_summary\", \"initiative_ids\", \"nomination_date\", \"pending_proceedings\", \"status\", \"submitted_at\", \"created_at\", \"version\") SELECT \"id\", \"campaign_id\", \"occasion_id\", \"form_id\", \"proposing_unit_id\", \"candidate_unit_id\", \"candidate_person_id\", \"candidate_key\", \"achievement_summary\", \"initiative_ids\", \"nomination_date\", \"pending_proceedings\", \"status\", \"submitted_at\", \"created_at\", \"version\" FROM \"nomination\"");
    await queryRunner.query("DROP TABLE \"nomination\"");
    await queryRunner.query("ALTER TABLE \"temporary_nomination\" RENAME TO \"nomination\"");
    await queryRunner.query("CREATE INDEX \"idx_nomination_candidate\" ON \"nomination\" (\"candidate_key\", \"occasion_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_nomination_campaign\" ON \"nomination\" (\"campaign_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_nomination_campaign\"");
    await queryRunner.query("DROP INDEX \"idx_nomination_candidate\"");
    await queryRunner.query("ALTER TABLE \"nomination\" RENAME TO \"temporary_nomination\"");
    await queryRunner.query("CREATE TABLE \"nomination\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"occasion_id\" varchar(36) NOT NULL, \"form_id\" varchar(36) NOT NULL, \"proposing_unit_id\" varchar(36) NOT NULL, \"candidate_unit_id\" varchar(36), \"candidate_person_id\" varchar(36), \"candidate_key\" varchar(48) NOT NULL, \"achievement_summary\" text NOT NULL, \"initiative_ids\" text NOT NULL, \"nomination_date\" date NOT NULL, \"pending_proceedings\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL, \"submitted_at\" datetime(3), \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"nomination\"(\"id\", \"campaign_id\", \"occasion_id\", \"form_id\", \"proposing_unit_id\", \"candidate_unit_id\", \"candidate_person_id\", \"candidate_key\", \"achievement_summary\", \"initiative_ids\", \"nomination_date\", \"pending_proceedings\", \"status\", \"submitted_at\", \"created_at\", \"version\") SELECT \"id\", \"campaign_id\", \"occasion_id\", \"form_id\", \"proposing_unit_id\", \"candidate_unit_id\", \"candidate_person_id\", \"candidate_key\", \"achievement_summary\", \"initiative_ids\", \"nomination_date\", \"pending_proceedings\", \"status\", \"submitted_at\", \"created_at\", \"version\" FROM \"temporary_nomination\"");
    await queryRunner.query("DROP TABLE \"temporary_nomination\"");
    await queryRunner.query("CREATE INDEX \"idx_nomination_campaign\" ON \"nomination\" (\"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_nomination_candidate\" ON \"nomination\" (\"candidate_key\", \"occasion_id\") ");
    await queryRunner.query("DROP INDEX \"uq_bonus_rate\"");
    await queryRunner.query("DROP TABLE \"bonus_rate\"");
    await queryRunner.query("DROP TABLE \"base_salary\"");
    await queryRunner.query("DROP INDEX \"uq_award_decision\"");
    await queryRunner.query("DROP TABLE \"award_decision\"");
    await queryRunner.query("DROP INDEX \"uq_council_recusal\"");
    await queryRunner.query("DROP TABLE \"council_recusal\"");
    await queryRunner.query("DROP INDEX \"uq_council_vote\"");
    await queryRunner.query("DROP TABLE \"council_vote\"");
    await queryRunner.query("DROP INDEX \"idx_council_occasion\"");
    await queryRunner.query("DROP TABLE \"council_review\"");
    await queryRunner.query("DROP INDEX \"uq_quota\"");
    await queryRunner.query("DROP TABLE \"quota\"");
    await queryRunner.query("DROP INDEX \"idx_nomination_step\"");
    await queryRunner.query("DROP TABLE \"nomination_step\"");
  }
}
