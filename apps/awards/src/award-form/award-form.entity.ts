import { dateColumn, idColumn, refColumn, type LegalDocumentValue } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** Who confers an award (R11). */
export const AUTHORITIES = ['STATE', 'PROVINCE_CHAIR', 'CITY_CHAIR', 'COMMUNE_CHAIR'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const FORM_KINDS = ['BANG_KHEN', 'GIAY_KHEN', 'STATE_AWARD'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/**
 * A law or decree with its validity: eligibility is judged by the instrument in force on a nomination's date
 * (LEGAL.md). Facts marked unverified stay editable data, never constants.
 */
@Entity('legal_instrument')
export class LegalInstrument {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ name: 'valid_from', ...dateColumn })
  validFrom!: string;

  @Column({ name: 'valid_to', ...dateColumn, nullable: true })
  validTo!: string | null;

  /** Which achievement-report template the instrument prescribes, e.g. "Mẫu số 07". */
  @Column({ name: 'report_template', type: 'varchar', length: 255, nullable: true })
  reportTemplate!: string | null;

  /** No award while discipline, inspection or a complaint is pending (NĐ 152/2025). */
  @Column({ name: 'blocks_pending_proceedings', type: 'boolean', default: false })
  blocksPendingProceedings!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}

/** A form of award a campaign offers (Bằng khen, Giấy khen, state-level), with who confers it and when. */
@Entity('award_form')
@Index('uq_award_form', ['campaignId', 'code'], { unique: true })
export class AwardForm {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: FormKind;

  @Column({ type: 'varchar', length: 16 })
  authority!: Authority;

  /** The office that confers it, as written: "Chủ tịch UBND tỉnh Đắk Lắk". */
  @Column({ name: 'authority_title', type: 'varchar', length: 255 })
  authorityTitle!: string;

  @Column({ name: 'for_collectives', type: 'boolean' })
  forCollectives!: boolean;

  @Column({ name: 'for_individuals', type: 'boolean' })
  forIndividuals!: boolean;

  @Column({ name: 'legal_basis', type: 'simple-json', nullable: true })
  legalBasis!: LegalDocumentValue | null;

  /** The authority exists (and may confer) from … to (exclusive): a district-level city's chairman until 1/7/2025. */
  @Column({ name: 'valid_from', ...dateColumn, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', ...dateColumn, nullable: true })
  validTo!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}

export const OCCASION_KINDS = ['ANNUAL', 'INTERIM_REVIEW', 'FINAL_REVIEW'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];

/** When awards are given: yearly, at the sơ kết, at the tổng kết. */
@Entity('occasion')
@Index('idx_occasion_campaign', ['campaignId'])
export class Occasion {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OccasionKind;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The year whose results are awarded. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'start_date', ...dateColumn, nullable: true })
  startDate!: string | null;

  @Column({ name: 'end_date', ...dateColumn })
  endDate!: string;

  @VersionColumn({ type: 'int' })
  version!: number;
}
