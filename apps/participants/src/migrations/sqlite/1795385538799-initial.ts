import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795385538799Sqlite implements MigrationInterface {
  name = 'Initial1795385538799Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_id\" varchar(191), \"actor_roles\" varchar(255) NOT NULL, \"actor_unit_id\" varchar(36), \"request_id\" varchar(64), \"entity_type\" varchar(64) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"action\" varchar(64) NOT NULL, \"before\" text, \"after\" text)");
    await queryRunner.query("CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"stored_file\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sha256\" varchar(64) NOT NULL, \"size\" integer NOT NULL, \"mime_type\" varchar(127) NOT NULL, \"name\" varchar(255) NOT NULL, \"uploaded_by\" varchar(191) NOT NULL, \"owner_unit_id\" varchar(36), \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_stored_file_sha\" ON \"stored_file\" (\"sha256\") ");
    await queryRunner.query("CREATE TABLE \"campaign\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"name\" varchar(500) NOT NULL, \"status\" varchar(16) NOT NULL, \"issuer_title\" varchar(255) NOT NULL, \"issuer_id\" varchar(36), \"document\" text, \"legal_basis\" text NOT NULL, \"jurisdiction_id\" varchar(36) NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"content_areas\" text NOT NULL, \"priority_sectors\" text NOT NULL, \"lead_agency_id\" varchar(36) NOT NULL, \"appraising_agency_id\" varchar(36) NOT NULL, \"expected_unit_kinds\" text NOT NULL, \"published_at\" datetime(3), \"version\" integer NOT NULL, CONSTRAINT \"UQ_78f57196031319c696bdd28d6d3\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE TABLE \"campaign_phase\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"ordinal\" integer NOT NULL, \"name\" varchar(255) NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_phase_campaign\" ON \"campaign_phase\" (\"campaign_id\") ");
    await queryRunner.query("CREATE TABLE \"milestone\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"phase_id\" varchar(36), \"kind\" varchar(32) NOT NULL, \"title\" varchar(500) NOT NULL, \"start_date\" date, \"due_date\" date NOT NULL, \"recurrence\" varchar(8) NOT NULL, \"source_clause\" varchar(64), \"recipient_id\" varchar(36), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_milestone_campaign\" ON \"milestone\" (\"campaign_id\") ");
    await queryRunner.query("CREATE TABLE \"org_unit\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"kind\" varchar(32) NOT NULL, \"name\" varchar(255) NOT NULL, \"name_key\" varchar(255) NOT NULL, \"active_name_key\" varchar(255), \"scope_key\" varchar(36) NOT NULL, \"sort_key\" varchar(500) NOT NULL, \"parent_id\" varchar(36), \"valid_from\" date, \"valid_to\" date, \"field\" varchar(255), \"tax_code\" varchar(20), \"email\" varchar(255), \"version\" integer NOT NULL, CONSTRAINT \"UQ_b030ad27296e9df74659dcb8ec6\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE INDEX \"idx_org_unit_sort\" ON \"org_unit\" (\"sort_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_org_unit_parent\" ON \"org_unit\" (\"parent_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_org_unit_active_name\" ON \"org_unit\" (\"scope_key\", \"active_name_key\") ");
    await queryRunner.query("CREATE TABLE \"org_unit_version\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"name\" varchar(255) NOT NULL, \"sort_key\" varchar(500) NOT NULL, \"parent_id\" varchar(36), \"valid_from\" date, \"valid_to\" date)");
    await queryRunner.query("CREATE INDEX \"idx_org_unit_version_parent\" ON \"org_unit_version\" (\"parent_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_org_unit_version_unit\" ON \"org_unit_version\" (\"unit_id\") ");
    await queryRunner.query("CREATE TABLE \"org_unit_change\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(16) NOT NULL, \"effective_date\" date NOT NULL, \"basis\" text, \"note\" text, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_org_unit_change_date\" ON \"org_unit_change\" (\"effective_date\") ");
    await queryRunner.query("CREATE TABLE \"org_unit_change_link\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"change_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"role\" varchar(16) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_change_link_unit\" ON \"org_unit_change_link\" (\"unit_id\", \"role\") ");
    await queryRunner.query("CREATE INDEX \"idx_change_link_change\" ON \"org_unit_change_link\" (\"change_id\") ");
    await queryRunner.query("CREATE TABLE \"emulation_cluster\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"name\" varchar(255) NOT NULL, \"description\" text, \"version\" integer NOT NULL, CONSTRAINT \"UQ_f0bcc58e9c10a8690179199263d\" UNIQUE (\"code\"))");
    await queryRunner.query("CREATE TABLE \"cluster_member\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"cluster_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"valid_from\" date, \"valid_to\" date)");
    await queryRunner.query("CREATE INDEX \"idx_cluster_member_unit\" ON \"cluster_member\" (\"unit_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_cluster_member_cluster\" ON \"cluster_member\" (\"cluster_id\") ");
    await queryRunner.query("CREATE TABLE \"initiative\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"title\" varchar(500) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"campaign_id\" varchar(36), \"field\" varchar(255) NOT NULL, \"recognition_level\" varchar(16) NOT NULL, \"recognized_date\" date, \"decision_number\" varchar(64), \"replicated\" boolean NOT NULL DEFAULT (0), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_initiative_campaign\" ON \"initiative\" (\"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_initiative_unit\" ON \"initiative\" (\"unit_id\") ");
    await queryRunner.query("CREATE TABLE \"initiative_author\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"initiative_id\" varchar(36) NOT NULL, \"person_id\" varchar(36) NOT NULL, \"ordinal\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_initiative_author_person\" ON \"initiative_author\" (\"person_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_initiative_author_initiative\" ON \"initiative_author\" (\"initiative_id\") ");
    await queryRunner.query("CREATE TABLE \"person\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"full_name\" varchar(255) NOT NULL, \"name_key\" varchar(255) NOT NULL, \"sort_key\" varchar(500) NOT NULL, \"kind\" varchar(32) NOT NULL, \"unit_id\" varchar(36), \"position\" varchar(255), \"email\" varchar(255), \"residence\" varchar(255), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_person_name_key\" ON \"person\" (\"name_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_person_unit\" ON \"person\" (\"unit_id\") ");
    await queryRunner.query("CREATE TABLE \"registration\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36), \"person_id\" varchar(36), \"participant_key\" varchar(48) NOT NULL, \"commitments\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"return_reason\" text, \"submitted_at\" datetime(3), \"decided_at\" datetime(3), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_registration_participant\" ON \"registration\" (\"campaign_id\", \"participant_key\") ");
    await queryRunner.query("CREATE TABLE \"unit_plan\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36) NOT NULL, \"unit_id\" varchar(36) NOT NULL, \"number\" varchar(64) NOT NULL, \"issued_date\" date NOT NULL, \"received_date\" date NOT NULL, \"file_id\" varchar(36), \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_unit_plan\" ON \"unit_plan\" (\"campaign_id\", \"unit_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_unit_plan\"");
    await queryRunner.query("DROP TABLE \"unit_plan\"");
    await queryRunner.query("DROP INDEX \"uq_registration_participant\"");
    await queryRunner.query("DROP TABLE \"registration\"");
    await queryRunner.query("DROP INDEX \"idx_person_unit\"");
    await queryRunner.query("DROP INDEX \"idx_person_name_key\"");
    await queryRunner.query("DROP TABLE \"person\"");
    await queryRunner.query("DROP INDEX \"idx_initiative_author_initiative\"");
    await queryRunner.query("DROP INDEX \"idx_initiative_author_person\"");
    await queryRunner.query("DROP TABLE \"initiative_author\"");
    await queryRunner.query("DROP INDEX \"idx_initiative_unit\"");
    await queryRunner.query("DROP INDEX \"idx_initiative_campaign\"");
    await queryRunner.query("DROP TABLE \"initiative\"");
    await queryRunner.query("DROP INDEX \"idx_cluster_member_cluster\"");
    await queryRunner.query("DROP INDEX \"idx_cluster_member_unit\"");
    await queryRunner.query("DROP TABLE \"cluster_member\"");
    await queryRunner.query("DROP TABLE \"emulation_cluster\"");
    await queryRunner.query("DROP INDEX \"idx_change_link_change\"");
    await queryRunner.query("DROP INDEX \"idx_change_link_unit\"");
    await queryRunner.query("DROP TABLE \"org_unit_change_link\"");
    await queryRunner.query("DROP INDEX \"idx_org_unit_change_date\"");
    await queryRunner.query("DROP TABLE \"org_unit_change\"");
    await queryRunner.query("DROP INDEX \"idx_org_unit_version_unit\"");
    await queryRunner.query("DROP INDEX \"idx_org_unit_version_parent\"");
    await queryRunner.query("DROP TABLE \"org_unit_version\"");
    await queryRunner.query("DROP INDEX \"uq_org_unit_active_name\"");
    await queryRunner.query("DROP INDEX \"idx_org_unit_parent\"");
    await queryRunner.query("DROP INDEX \"idx_org_unit_sort\"");
    await queryRunner.query("DROP TABLE \"org_unit\"");
    await queryRunner.query("DROP INDEX \"idx_milestone_campaign\"");
    await queryRunner.query("DROP TABLE \"milestone\"");
    await queryRunner.query("DROP INDEX \"idx_phase_campaign\"");
    await queryRunner.query("DROP TABLE \"campaign_phase\"");
    await queryRunner.query("DROP TABLE \"campaign\"");
    await queryRunner.query("DROP INDEX \"idx_stored_file_sha\"");
    await queryRunner.query("DROP TABLE \"stored_file\"");
    await queryRunner.query("DROP INDEX \"idx_audit_entity\"");
    await queryRunner.query("DROP INDEX \"idx_audit_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
