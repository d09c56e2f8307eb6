import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReportConfirmer } from '../award-rules/award-rules.rules';
import type { DocumentKind } from './dossier.rules';

/** One document of a nomination's dossier (R13); the file itself is stored by the files service. */
@Entity('dossier_document')
@Index('idx_dossier_nomination', ['nominationId'])
export class DossierDocument {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'nomination_id', ...refColumn })
  nominationId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: DocumentKind;

  @Column({ name: 'file_id', ...refColumn })
  fileId!: string;

  @Column({ name: 'issued_date', ...dateColumn, nullable: true })
  issuedDate!: string | null;

  /** Clearance letters are valid until a date; an expired one fails the check. */
  @Column({ name: 'valid_until', ...dateColumn, nullable: true })
  validUntil!: string | null;

  /** Kept for the older readers: whether the confirmations include the proposing level's. */
  @Column({ name: 'confirmed_by_proposing_level', type: 'boolean', default: false })
  confirmedByProposingLevel!: boolean;

  /** Who confirmed the Báo cáo thành tích on it (the campaign's rule says who must). */
  @Column({ type: 'simple-json', nullable: true })
  confirmations!: ReportConfirmer[] | null;

  /** The file as read when it was uploaded (participants' files service): its name and type, its title's document type, its pages. */
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ name: 'mime_type', type: 'varchar', length: 127, nullable: true })
  mimeType!: string | null;

  @Column({ name: 'document_type', type: 'varchar', length: 64, nullable: true })
  documentType!: string | null;

  @Column({ type: 'int', nullable: true })
  pages!: number | null;

  /** Nội vụ's check of the document at appraisal: who and when. */
  @Column({ name: 'checked_by', type: 'varchar', length: 191, nullable: true })
  checkedBy!: string | null;

  @Column({ name: 'checked_at', ...timestampColumn, nullable: true })
  checkedAt!: Date | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 191 })
  uploadedBy!: string;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}
