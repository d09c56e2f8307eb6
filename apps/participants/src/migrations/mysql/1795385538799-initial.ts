import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795385538799Mysql implements MigrationInterface {
  name = 'Initial1795385538799Mysql';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_id` varchar(191) NULL, `actor_roles` varchar(255) NOT NULL, `actor_unit_id` varchar(36) NULL, `request_id` varchar(64) NULL, `entity_type` varchar(64) NOT NULL, `entity_id` varchar(64) NOT NULL, `action` varchar(64) NOT NULL, `before` text NULL, `after` text NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `stored_file` (`id` varchar(36) NOT NULL, `sha256` varchar(64) NOT NULL, `size` int NOT NULL, `mime_type` varchar(127) NOT NULL, `name` varchar(255) NOT NULL, `uploaded_by` varchar(191) NOT NULL, `owner_unit_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_stored_file_sha` (`sha256`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `campaign` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(500) NOT NULL, `status` varchar(16) NOT NULL, `issuer_title` varchar(255) NOT NULL, `issuer_id` varchar(36) NULL, `document` text NULL, `legal_basis` text NOT NULL, `jurisdiction_id` varchar(36) NOT NULL, `start_date` date NOT NULL, `end_date` date NOT NULL, `content_areas` text NOT NULL, `priority_sectors` text NOT NULL, `lead_agency_id` varchar(36) NOT NULL, `appraising_agency_id` varchar(36) NOT NULL, `expected_unit_kinds` text NOT NULL, `published_at` datetime(3) NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_78f57196031319c696bdd28d6d` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `campaign_phase` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `ordinal` int NOT NULL, `name` varchar(255) NOT NULL, `start_date` date NOT NULL, `end_date` date NOT NULL, INDEX `idx_phase_campaign` (`campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `milestone` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `phase_id` varchar(36) NULL, `kind` varchar(32) NOT NULL, `title` varchar(500) NOT NULL, `start_date` date NULL, `due_date` date NOT NULL, `recurrence` varchar(8) NOT NULL, `source_clause` varchar(64) NULL, `recipient_id` varchar(36) NULL, `version` int NOT NULL, INDEX `idx_milestone_campaign` (`campaign_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `org_unit` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `kind` varchar(32) NOT NULL, `name` varchar(255) NOT NULL, `name_key` varchar(255) NOT NULL, `active_name_key` varchar(255) NULL, `scope_key` varchar(36) NOT NULL, `sort_key` varchar(500) NOT NULL, `parent_id` varchar(36) NULL, `valid_from` date NULL, `valid_to` date NULL, `field` varchar(255) NULL, `tax_code` varchar(20) NULL, `email` varchar(255) NULL, `version` int NOT NULL, INDEX `idx_org_unit_sort` (`sort_key`), INDEX `idx_org_unit_parent` (`parent_id`), UNIQUE INDEX `uq_org_unit_active_name` (`scope_key`, `active_name_key`), UNIQUE INDEX `IDX_b030ad27296e9df74659dcb8ec` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `org_unit_version` (`id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `name` varchar(255) NOT NULL, `sort_key` varchar(500) NOT NULL, `parent_id` varchar(36) NULL, `valid_from` date NULL, `valid_to` date NULL, INDEX `idx_org_unit_version_parent` (`parent_id`), INDEX `idx_org_unit_version_unit` (`unit_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `org_unit_change` (`id` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `effective_date` date NOT NULL, `basis` text NULL, `note` text NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_org_unit_change_date` (`effective_date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `org_unit_change_link` (`id` varchar(36) NOT NULL, `change_id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `role` varchar(16) NOT NULL, INDEX `idx_change_link_unit` (`unit_id`, `role`), INDEX `idx_change_link_change` (`change_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `emulation_cluster` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `name` varchar(255) NOT NULL, `description` text NULL, `version` int NOT NULL, UNIQUE INDEX `IDX_f0bcc58e9c10a8690179199263` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `cluster_member` (`id` varchar(36) NOT NULL, `cluster_id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `valid_from` date NULL, `valid_to` date NULL, INDEX `idx_cluster_member_unit` (`unit_id`), INDEX `idx_cluster_member_cluster` (`cluster_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `initiative` (`id` varchar(36) NOT NULL, `title` varchar(500) NOT NULL, `unit_id` varchar(36) NOT NULL, `campaign_id` varchar(36) NULL, `field` varchar(255) NOT NULL, `recognition_level` varchar(16) NOT NULL, `recognized_date` date NULL, `decision_number` varchar(64) NULL, `replicated` tinyint NOT NULL DEFAULT 0, `version` int NOT NULL, INDEX `idx_initiative_campaign` (`campaign_id`), INDEX `idx_initiative_unit` (`unit_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `initiative_author` (`id` varchar(36) NOT NULL, `initiative_id` varchar(36) NOT NULL, `person_id` varchar(36) NOT NULL, `ordinal` int NOT NULL, INDEX `idx_initiative_author_person` (`person_id`), INDEX `idx_initiative_author_initiative` (`initiative_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person` (`id` varchar(36) NOT NULL, `full_name` varchar(255) NOT NULL, `name_key` varchar(255) NOT NULL, `sort_key` varchar(500) NOT NULL, `kind` varchar(32) NOT NULL, `unit_id` varchar(36) NULL, `position` varchar(255) NULL, `email` varchar(255) NULL, `residence` varchar(255) NULL, `version` int NOT NULL, INDEX `idx_person_name_key` (`name_key`), INDEX `idx_person_unit` (`unit_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `registration` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `unit_id` varchar(36) NULL, `person_id` varchar(36) NULL, `participant_key` varchar(48) NOT NULL, `commitments` text NOT NULL, `status` varchar(16) NOT NULL, `return_reason` text NULL, `submitted_at` datetime(3) NULL, `decided_at` datetime(3) NULL, `version` int NOT NULL, UNIQUE INDEX `uq_registration_participant` (`campaign_id`, `participant_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `unit_plan` (`id` varchar(36) NOT NULL, `campaign_id` varchar(36) NOT NULL, `unit_id` varchar(36) NOT NULL, `number` varchar(64) NOT NULL, `issued_date` date NOT NULL, `received_date` date NOT NULL, `file_id` varchar(36) NULL, `version` int NOT NULL, UNIQUE INDEX `uq_unit_plan` (`campaign_id`, `unit_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_unit_plan` ON `unit_plan`");
    await queryRunner.query("DROP TABLE `unit_plan`");
    await queryRunner.query("DROP INDEX `uq_registration_participant` ON `registration`");
    await queryRunner.query("DROP TABLE `registration`");
    await queryRunner.query("DROP INDEX `idx_person_unit` ON `person`");
    await queryRunner.query("DROP INDEX `idx_person_name_key` ON `person`");
    await queryRunner.query("DROP TABLE `person`");
    await queryRunner.query("DROP INDEX `idx_initiative_author_initiative` ON `initiative_author`");
    await queryRunner.query("DROP INDEX `idx_initiative_author_person` ON `initiative_author`");
    await queryRunner.query("DROP TABLE `initiative_author`");
    await queryRunner.query("DROP INDEX `idx_initiative_unit` ON `initiative`");
    await queryRunner.query("DROP INDEX `idx_initiative_campaign` ON `initiative`");
    await queryRunner.query("DROP TABLE `initiative`");
    await queryRunner.query("DROP INDEX `idx_cluster_member_cluster` ON `cluster_member`");
    await queryRunner.query("DROP INDEX `idx_cluster_member_unit` ON `cluster_member`");
    await queryRunner.query("DROP TABLE `cluster_member`");
    await queryRunner.query("DROP INDEX `IDX_f0bcc58e9c10a8690179199263` ON `emulation_cluster`");
    await queryRunner.query("DROP TABLE `emulation_cluster`");
    await queryRunner.query("DROP INDEX `idx_change_link_change` ON `org_unit_change_link`");
    await queryRunner.query("DROP INDEX `idx_change_link_unit` ON `org_unit_change_link`");
    await queryRunner.query("DROP TABLE `org_unit_change_link`");
    await queryRunner.query("DROP INDEX `idx_org_unit_change_date` ON `org_unit_change`");
    await queryRunner.query("DROP TABLE `org_unit_change`");
    await queryRunner.query("DROP INDEX `idx_org_unit_version_unit` ON `org_unit_version`");
    await queryRunner.query("DROP INDEX `idx_org_unit_version_parent` ON `org_unit_version`");
    await queryRunner.query("DROP TABLE `org_unit_version`");
    await queryRunner.query("DROP INDEX `IDX_b030ad27296e9df74659dcb8ec` ON `org_unit`");
    await queryRunner.query("DROP INDEX `uq_org_unit_active_name` ON `org_unit`");
    await queryRunner.query("DROP INDEX `idx_org_unit_parent` ON `org_unit`");
    await queryRunner.query("DROP INDEX `idx_org_unit_sort` ON `org_unit`");
    await queryRunner.query("DROP TABLE `org_unit`");
    await queryRunner.query("DROP INDEX `idx_milestone_campaign` ON `milestone`");
    await queryRunner.query("DROP TABLE `milestone`");
    await queryRunner.query("DROP INDEX `idx_phase_campaign` ON `campaign_phase`");
    await queryRunner.query("DROP TABLE `campaign_phase`");
    await queryRunner.query("DROP INDEX `IDX_78f57196031319c696bdd28d6d` ON `campaign`");
    await queryRunner.query("DROP TABLE `campaign`");
    await queryRunner.query("DROP INDEX `idx_stored_file_sha` ON `stored_file`");
    await queryRunner.query("DROP TABLE `stored_file`");
    await queryRunner.query("DROP INDEX `idx_audit_entity` ON `audit_log`");
    await queryRunner.query("DROP INDEX `idx_audit_at` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
