import { dateColumn, idColumn, refColumn, timestampColumn, type LegalDocumentValue } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OrgUnitKind } from '../org-unit/org-unit.entity';

export type CampaignStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED';

export interface ContentAreaValue {
  code: string;
  title: string;
}

export interface PrioritySectorValue {
  code: string;
  name: string;
  actions: string[];
}

/** Phong trào thi đua (R1). */
@Entity('campaign')
export class Campaign {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CampaignStatus;

  @Column({ name: 'issuer_title', type: 'varchar', length: 255 })
  issuerTitle!: string;

  @Column({ name: 'issuer_id', ...refColumn, nullable: true })
  issuerId!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  document!: LegalDocumentValue | null;

  @Column({ name: 'legal_basis', type: 'simple-json' })
  legalBasis!: LegalDocumentValue[];

  @Column({ name: 'jurisdiction_id', ...refColumn })
  jurisdictionId!: string;

  @Column({ name: 'start_date', ...dateColumn })
  startDate!: string;

  @Column({ name: 'end_date', ...dateColumn })
  endDate!: string;

  @Column({ name: 'content_areas', type: 'simple-json' })
  contentAreas!: ContentAreaValue[];

  @Column({ name: 'priority_sectors', type: 'simple-json' })
  prioritySectors!: PrioritySectorValue[];

  @Column({ name: 'lead_agency_id', ...refColumn })
  leadAgencyId!: string;

  @Column({ name: 'appraising_agency_id', ...refColumn })
  appraisingAgencyId!: string;

  @Column({ name: 'expected_unit_kinds', type: 'simple-json' })
  expectedUnitKinds!: OrgUnitKind[];

  @Column({ name: 'published_at', ...timestampColumn, nullable: true })
  publishedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

@Entity('campaign_phase')
@Index('idx_phase_campaign', ['campaignId'])
export class CampaignPhase {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'start_date', ...dateColumn })
  startDate!: string;

  @Column({ name: 'end_date', ...dateColumn })
  endDate!: string;
}

export const MILESTONE_KINDS = [
  'LAUNCH',
  'REGISTRATION_DUE',
  'UNIT_PLAN_DUE',
  'SELF_ASSESSMENT_DUE',
  'UNIT_REPORT_DUE',
  'CITY_SUMMARY_DUE',
  'PROVINCE_REPORT_DUE',
  'DOSSIER_DUE',
  'INTERIM_REVIEW',
  'FINAL_REVIEW',
  'OTHER',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type Recurrence = 'ONCE' | 'YEARLY';

/** A deadline of the campaign; YEARLY ones repeat on the same day each year until the campaign ends. */
@Entity('milestone')
@Index('idx_milestone_campaign', ['campaignId'])
export class Milestone {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'phase_id', ...refColumn, nullable: true })
  phaseId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: MilestoneKind;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ name: 'start_date', ...dateColumn, nullable: true })
  startDate!: string | null;

  @Column({ name: 'due_date', ...dateColumn })
  dueDate!: string;

  @Column({ type: 'varchar', length: 8 })
  recurrence!: Recurrence;

  @Column({ name: 'source_clause', type: 'varchar', length: 64, nullable: true })
  sourceClause!: string | null;

  @Column({ name: 'recipient_id', ...refColumn, nullable: true })
  recipientId!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}
