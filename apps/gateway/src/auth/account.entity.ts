import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import type { AccountRole } from './account.rules';

/** Roles as one short column ("ADMIN,UNIT_OFFICER"): an account has a handful, and no role name contains another. */
export const rolesTransformer: ValueTransformer = {
  to: (roles: readonly string[] | undefined) => (roles === undefined ? undefined : roles.join(',')),
  from: (value: string | null) => (value ? value.split(',').filter(Boolean) : []),
};

/** A local account that signs in with a password at the gateway. */
@Entity('account')
@Index('uq_account_username', ['username'], { unique: true })
export class Account {
  @PrimaryColumn(idColumn)
  id!: string;

  /** Lower-case [a-z0-9._-], 3–64 characters. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 255 })
  displayName!: string;

  @Column({ type: 'varchar', length: 255, transformer: rolesTransformer })
  roles!: AccountRole[];

  /** An OrgUnit id of the participants subgraph, as given (that subgraph owns units). */
  @Column({ name: 'org_unit_id', ...refColumn, nullable: true })
  orgUnitId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Never selected unless asked for, so no list or snapshot can carry it by accident. */
  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false })
  passwordHash!: string;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'locked_until', ...timestampColumn, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...timestampColumn })
  updatedAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}
