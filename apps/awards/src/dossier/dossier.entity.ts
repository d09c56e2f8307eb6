import { dateColumn, idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
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

  @Column({ name: 'confirmed_by_proposing_level', type: 'boolean', default: false })
  confirmedByProposingLevel!: boolean;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 191 })
  uploadedBy!: string;

  @Column({ name: 'created_at', ...timestampColumn })
  createdAt!: Date;
}
