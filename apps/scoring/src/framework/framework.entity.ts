import { idColumn, refColumn, timestampColumn, type LegalDocumentValue } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { GroupKind, OrgUnitKind, RuleConfig, RuleType, TargetLevel } from './framework.types';

export type FrameworkStatus = 'DRAFT' | 'PUBLISHED';

/** Bộ chỉ số đánh giá chuyển đổi số, versioned by year, jurisdiction and target level (R7). */
@Entity('index_framework')
export class IndexFramework {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  /** First year of results it assesses. */
  @Column({ type: 'int' })
  year!: number;

  /** Last year it assesses; null = until an index issued later replaces it. */
  @Column({ name: 'year_to', type: 'int', nullable: true })
  yearTo!: number | null;

  @Column({ type: 'varchar', length: 255 })
  jurisdiction!: string;

  @Column({ name: 'target_level', type: 'varchar', length: 16 })
  targetLevel!: TargetLevel;

  @Column({ name: 'applies_to_kinds', type: 'simple-json' })
  appliesToKinds!: OrgUnitKind[];

  @Column({ name: 'legal_basis', type: 'simple-json', nullable: true })
  legalBasis!: LegalDocumentValue | null;

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean;

  /** A published framework is frozen: units are assessed against it. Next year's is a copy. */
  @Column({ type: 'varchar', length: 16 })
  status!: FrameworkStatus;

  @Column({ name: 'copied_from_id', ...refColumn, nullable: true })
  copiedFromId!: string | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}

@Entity('indicator_group')
@Index('idx_group_framework', ['frameworkId'])
export class IndicatorGroup {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'framework_id', ...refColumn })
  frameworkId!: string;

  @Column({ name: 'parent_id', ...refColumn, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: GroupKind;

  @Column({ type: 'int' })
  ordinal!: number;
}

@Entity('indicator')
@Index('idx_indicator_framework', ['frameworkId'])
@Index('uq_indicator_code', ['frameworkId', 'code'], { unique: true })
export class Indicator {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'framework_id', ...refColumn })
  frameworkId!: string;

  @Column({ name: 'group_id', ...refColumn })
  groupId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 1000 })
  name!: string;

  @Column({ name: 'max_points', type: 'double' })
  maxPoints!: number;

  @Column({ name: 'rule_type', type: 'varchar', length: 16 })
  ruleType!: RuleType;

  @Column({ name: 'rule_config', type: 'simple-json' })
  ruleConfig!: RuleConfig;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ name: 'data_source', type: 'varchar', length: 500, nullable: true })
  dataSource!: string | null;

  @Column({ name: 'verifying_unit', type: 'varchar', length: 500, nullable: true })
  verifyingUnit!: string | null;

  @Column({ name: 'applies_to_kinds', type: 'simple-json', nullable: true })
  appliesToKinds!: OrgUnitKind[] | null;

  @Column({ type: 'int' })
  ordinal!: number;
}


/** The indices a campaign scores on (R7): one per unit kind and year, chosen among these by date; none listed = any published index. */
@Entity('campaign_framework')
export class CampaignFramework {
  @PrimaryColumn({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @PrimaryColumn({ name: 'framework_id', ...refColumn })
  frameworkId!: string;
}
