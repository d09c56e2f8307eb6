import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Authority, FormKind } from '../award-form/award-form.entity';

/** Quyết định khen thưởng: one signed decision confers one form on the nominations it lists (R14). */
@Entity('award_decision')
@Index('uq_award_decision', ['number', 'date'], { unique: true })
export class AwardDecision {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  /** "1234/QĐ-UBND". */
  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Column({ ...dateColumn })
  date!: string;

  @Column({ type: 'varchar', length: 255 })
  signer!: string;

  /** "Chủ tịch UBND tỉnh Đắk Lắk" or "KT. Chủ tịch - Phó Chủ tịch". */
  @Column({ name: 'signer_title', type: 'varchar', length: 255 })
  signerTitle!: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 191 })
  recordedBy!: string;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}

/** Mức lương cơ sở from a date (editable data): bonuses are multiples of it. */
@Entity('base_salary')
export class BaseSalary {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'valid_from', ...dateColumn, unique: true })
  validFrom!: string;

  /** Đồng per month. */
  @Column({ type: 'int' })
  amount!: number;

  /** "Nghị định 73/2024/NĐ-CP". */
  @Column({ name: 'legal_basis', type: 'varchar', length: 255 })
  legalBasis!: string;
}

export type CandidateKind = 'COLLECTIVE' | 'INDIVIDUAL';

/** The bonus multiplier of base salary a decree sets for a form, an authority and a kind of awardee (editable data). */
@Entity('bonus_rate')
@Index('uq_bonus_rate', ['instrumentCode', 'formKind', 'authority', 'candidateKind'], { unique: true })
export class BonusRate {
  @PrimaryColumn(idColumn)
  id!: string;

  /** The legal instrument that sets it: "ND-152-2025". */
  @Column({ name: 'instrument_code', type: 'varchar', length: 64 })
  instrumentCode!: string;

  @Column({ name: 'form_kind', type: 'varchar', length: 16 })
  formKind!: FormKind;

  @Column({ type: 'varchar', length: 16 })
  authority!: Authority;

  @Column({ name: 'candidate_kind', type: 'varchar', length: 16 })
  candidateKind!: CandidateKind;

  @Column({ type: 'double' })
  multiplier!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
