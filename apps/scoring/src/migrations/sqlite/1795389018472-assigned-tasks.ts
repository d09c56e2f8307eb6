import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignedTasks1795389018472Sqlite implements MigrationInterface {
  name = 'AssignedTasks1795389018472Sqlite';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assigned_task\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"campaign_id\" varchar(36), \"plan_number\" varchar(64) NOT NULL, \"plan_title\" varchar(500), \"code\" varchar(32), \"title\" varchar(1000) NOT NULL, \"due_date\" date NOT NULL, \"owner_unit_id\" varchar(36) NOT NULL, \"cooperating_unit_ids\" text NOT NULL, \"percent\" integer NOT NULL DEFAULT (0), \"completed_on\" date, \"created_at\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_task_campaign\" ON \"assigned_task\" (\"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_task_owner\" ON \"assigned_task\" (\"owner_unit_id\", \"due_date\") ");
    await queryRunner.query("CREATE TABLE \"task_progress\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"task_id\" varchar(36) NOT NULL, \"reported_on\" date NOT NULL, \"percent\" integer NOT NULL, \"note\" text, \"evidence_file_ids\" text NOT NULL, \"reported_by\" varchar(191) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_progress_task\" ON \"task_progress\" (\"task_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_progress_task\"");
    await queryRunner.query("DROP TABLE \"task_progress\"");
    await queryRunner.query("DROP INDEX \"idx_task_owner\"");
    await queryRunner.query("DROP INDEX \"idx_task_campaign\"");
    await queryRunner.query("DROP TABLE \"assigned_task\"");
  }
}
