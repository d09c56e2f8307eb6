import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import type { Authority, FormKind } from '../award-form/award-form.entity';

/** Đồng in a BIGINT column (a year's fund can exceed 2^31), read back as a number on both databases. */
const money: ValueTransformer = { to: (v: number | null | undefined) => v, from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)) };
const moneyColumn = { type: 'bigint', transformer: money } as const;

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

  /** The form it confers and the occasion it belongs to (one of each per decision). */
  @Column({ name: 'form_id', ...refColumn, nullable: true })
  formId!: string | null;

  @Column({ name: 'occasion_id', ...refColumn, nullable: true })
  occasionId!: string | null;

  /** The bonuses it carries, in đồng: what it takes from the reward fund. */
  @Column({ name: 'total_bonus', ...moneyColumn, default: 0 })
  totalBonus!: number;

  /** Nội vụ confirmed recording it although its total went over the reward fund. */
  @Column({ name: 'fund_exceeded', type: 'boolean', default: false })
  fundExceeded!: boolean;
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

/**
 * The movement's reward budget for a year, or for one occasion of it, from the locality's Quỹ thi đua, khen thưởng
 * (BMT plan, V). A decision's bonuses count against its occasion's fund, else its year's.
 */
@Entity('reward_fund')
@Index('uq_reward_fund', ['campaignId', 'year', 'occasionKey'], { unique: true })
export class RewardFund {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'int' })
  year!: number;

  /** The occasion's id, or '' for the whole year (a unique key cannot hold NULL on both databases alike). */
  @Column({ name: 'occasion_key', type: 'varchar', length: 36 })
  occasionKey!: string;

  /** Đồng. */
  @Column({ ...moneyColumn })
  amount!: number;

  /** Where the money comes from and on what basis. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 191 })
  updatedBy!: string;

  @VersionColumn({ type: 'int' })
  version!: number;
}

/** One Bằng khen / Giấy khen a decision confers: its place in the decision, the register number, a person's position then. */
@Entity('award_certificate')
@Index('uq_award_certificate_register', ['formId', 'registerYear', 'registerNumber'], { unique: true })
@Index('idx_award_certificate_decision', ['decisionId'])
export class AwardCertificate {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'decision_id', ...refColumn })
  decisionId!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  /** STT in the decision's annex. */
  @Column({ type: 'int' })
  ordinal!: number;

  /** Số vào sổ: consecutive for a form within the decision's year. */
  @Column({ name: 'form_id', ...refColumn })
  formId!: string;

  @Column({ name: 'register_year', type: 'int' })
  registerYear!: number;

  @Column({ name: 'register_number', type: 'int' })
  registerNumber!: number;

  /** A person's position on the decision's date (chức vụ), as the certificate prints it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  position!: string | null;
}
