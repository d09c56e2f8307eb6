import { dateColumn, idColumn, refColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export const PERSON_KINDS = [
  'CIVIL_SERVANT',
  'PUBLIC_EMPLOYEE',
  'WORKER',
  'CITIZEN',
  'BUSINESS_PERSON',
  'INTELLECTUAL',
  'SCIENTIST',
  'OVERSEAS_VIETNAMESE',
] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Giới tính as an achievement report prints it: Nam, Nữ. */
export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

/** Cá nhân (R3). */
@Entity('person')
@Index('idx_person_unit', ['unitId'])
@Index('idx_person_name_key', ['nameKey'])
export class Person {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName!: string;

  @Column({ name: 'name_key', type: 'varchar', length: 255 })
  nameKey!: string;

  @Column({ name: 'sort_key', type: 'varchar', length: 500 })
  sortKey!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: PersonKind;

  @Column({ name: 'unit_id', ...refColumn, nullable: true })
  unitId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  position!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  residence!: string | null;

  /** Ngày sinh (the achievement report's Sơ lược lý lịch); unknown until the unit records it. */
  @Column({ name: 'date_of_birth', ...dateColumn, nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: Gender | null;

  /** Quê quán. */
  @Column({ name: 'home_town', type: 'varchar', length: 255, nullable: true })
  homeTown!: string | null;

  /**
   * The unit whose officer recorded a person outside every unit (a citizen, an overseas Vietnamese…) to nominate them:
   * that unit reads and corrects the record as it would its own people's; null for people of a unit or recorded by the
   * roles that read every unit.
   */
  @Column({ name: 'recorded_by_unit_id', ...refColumn, nullable: true })
  recordedByUnitId!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}
