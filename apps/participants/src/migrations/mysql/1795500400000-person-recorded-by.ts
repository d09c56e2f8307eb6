import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unit whose officer recorded a person outside every unit (to nominate them), who then reads and corrects the record. */
export class PersonRecordedBy1795500400000Mysql implements MigrationInterface {
  // The timestamp ends the name: TypeORM orders migrations by the name's last 13 characters.
  name = 'PersonRecordedByMysql1795500400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `person` ADD `recorded_by_unit_id` varchar(36) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `person` DROP COLUMN `recorded_by_unit_id`');
  }
}
