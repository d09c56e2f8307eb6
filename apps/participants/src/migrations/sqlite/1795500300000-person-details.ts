import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's date of birth, gender and home town: the achievement report's Sơ lược lý lịch (NĐ 98/2023). */
export class PersonDetails1795500300000Sqlite implements MigrationInterface {
  // The timestamp ends the name: TypeORM orders migrations by the name's last 13 characters.
  name = 'PersonDetailsSqlite1795500300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "person" ADD COLUMN "date_of_birth" date');
    await queryRunner.query('ALTER TABLE "person" ADD COLUMN "gender" varchar(8)');
    await queryRunner.query('ALTER TABLE "person" ADD COLUMN "home_town" varchar(255)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "person" DROP COLUMN "home_town"');
    await queryRunner.query('ALTER TABLE "person" DROP COLUMN "gender"');
    await queryRunner.query('ALTER TABLE "person" DROP COLUMN "date_of_birth"');
  }
}
