import { dateColumn, idColumn, refColumn, timestampColumn, type LegalDocumentValue, type OrgUnitKind } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export { ORG_UNIT_KINDS, type OrgUnitKind } from '@thidua/platform';

/**
 * A collective. Identity (id, code, kind) never changes; name and parent change over time and
 * their history is in OrgUnitVersion. Validity: validFrom ≤ d < validTo.
 */
@Entity('org_unit')
@Index('uq_org_unit_active_name', ['scopeKey', 'activeNameKey'], { unique: true })
@Index('idx_org_unit_parent', ['parentId'])
@Index('idx_org_unit_sort', ['sortKey'])
export class OrgUnit {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrgUnitKind;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'name_key', type: 'varchar', length: 255 })
  nameKey!: string;

  /** nameKey while the unit is active, null afterwards: makes active names unique per parent. */
  @Column({ name: 'active_name_key', type: 'varchar', length: 255, nullable: true })
  activeNameKey!: string | null;

  /** parentId, or "root": NULL would never collide in the unique index. */
  @Column({ name: 'scope_key', type: 'varchar', length: 36 })
  scopeKey!: string;

  @Column({ name: 'sort_key', type: 'varchar', length: 500 })
  sortKey!: string;

  @Column({ name: 'parent_id', ...refColumn, nullable: true })
  parentId!: string | null;

  @Column({ name: 'valid_from', ...dateColumn, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', ...dateColumn, nullable: true })
  validTo!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  field!: string | null;

  @Column({ name: 'tax_code', type: 'varchar', length: 20, nullable: true })
  taxCode!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** Name and parent of a unit during [validFrom, validTo). */
@Entity('org_unit_version')
@Index('idx_org_unit_version_unit', ['unitId'])
@Index('idx_org_unit_version_parent', ['parentId'])
export class OrgUnitVersion {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** nameKey of this version's name: search finds a unit by the name it had on the date asked. */
  @Column({ name: 'name_key', type: 'varchar', length: 255, default: '' })
  nameKey!: string;

  @Column({ name: 'sort_key', type: 'varchar', length: 500 })
  sortKey!: string;

  @Column({ name: 'parent_id', ...refColumn, nullable: true })
  parentId!: string | null;

  @Column({ name: 'valid_from', ...dateColumn, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', ...dateColumn, nullable: true })
  validTo!: string | null;
}

export const ORG_UNIT_CHANGE_KINDS = ['CREATED', 'RENAMED', 'MOVED', 'MERGED', 'SPLIT', 'DISSOLVED'] as const;
export type OrgUnitChangeKind = (typeof ORG_UNIT_CHANGE_KINDS)[number];

/** A reorganisation event with its legal basis. */
@Entity('org_unit_change')
@Index('idx_org_unit_change_date', ['effectiveDate'])
export class OrgUnitChange {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrgUnitChangeKind;

  @Column({ name: 'effective_date', ...dateColumn })
  effectiveDate!: string;

  @Column({ type: 'simple-json', nullable: true })
  basis!: LegalDocumentValue | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}

export type ChangeRole = 'PREDECESSOR' | 'SUCCESSOR' | 'SUBJECT';

/** Which units a change ended (predecessors), created or received (successors), or touched (subjects). */
@Entity('org_unit_change_link')
@Index('idx_change_link_change', ['changeId'])
@Index('idx_change_link_unit', ['unitId', 'role'])
export class OrgUnitChangeLink {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'change_id', ...refColumn })
  changeId!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: ChangeRole;
}

/** Cụm, khối thi đua: units ranked together. */
@Entity('emulation_cluster')
export class EmulationCluster {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

@Entity('cluster_member')
@Index('idx_cluster_member_cluster', ['clusterId'])
@Index('idx_cluster_member_unit', ['unitId'])
export class ClusterMember {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'cluster_id', ...refColumn })
  clusterId!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ name: 'valid_from', ...dateColumn, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', ...dateColumn, nullable: true })
  validTo!: string | null;
}
