import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's date of birth, gender and home town: the achievement report's Sơ lược lý lịch (NĐ 98/2023). */
export class PersonDetails1795500300000Mysql implements MigrationInterface {
  // The timestamp ends the name: TypeORM orders migrations by the name's last 13 characters.
  name = 'PersonDetailsMysql1795500300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `person` ADD `date_of_birth` date NULL, ADD `gender` varchar(8) NULL, ADD `home_town` varchar(255) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `person` DROP COLUMN `home_town`, DROP COLUMN `gender`, DROP COLUMN `date_of_birth`');
  }
}
