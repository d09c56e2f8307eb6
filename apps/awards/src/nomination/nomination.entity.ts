import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export type NominationStatus = 'DRAFT' | 'SUBMITTED';

/** Đề nghị khen thưởng: a proposing unit nominates a unit or a person for a form at an occasion (R12). */
@Entity('nomination')
@Index('idx_nomination_candidate', ['candidateKey', 'occasionId'])
@Index('idx_nomination_campaign', ['campaignId'])
export class Nomination {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'occasion_id', ...refColumn })
  occasionId!: string;

  @Column({ name: 'form_id', ...refColumn })
  formId!: string;

  @Column({ name: 'proposing_unit_id', ...refColumn })
  proposingUnitId!: string;

  @Column({ name: 'candidate_unit_id', ...refColumn, nullable: true })
  candidateUnitId!: string | null;

  @Column({ name: 'candidate_person_id', ...refColumn, nullable: true })
  candidatePersonId!: string | null;

  /** "unit:<id>" or "person:<id>". */
  @Column({ name: 'candidate_key', type: 'varchar', length: 48 })
  candidateKey!: string;

  @Column({ name: 'achievement_summary', type: 'text' })
  achievementSummary!: string;

  @Column({ name: 'initiative_ids', type: 'simple-json' })
  initiativeIds!: string[];

  @Column({ name: 'nomination_date', ...dateColumn })
  nominationDate!: string;

  /** Declared by the proposing unit: discipline, inspection or a complaint pending against the candidate. */
  @Column({ name: 'pending_proceedings', type: 'boolean', default: false })
  pendingProceedings!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: NominationStatus;

  @Column({ name: 'submitted_at', ...timestampColumn, nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}
