import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Metadata of an uploaded file; the bytes live in the content-addressed store under their sha256. */
@Entity('stored_file')
@Index('idx_stored_file_sha', ['sha256'])
export class StoredFile {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ name: 'mime_type', type: 'varchar', length: 127 })
  mimeType!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 191 })
  uploadedBy!: string;

  @Column({ name: 'owner_unit_id', type: 'varchar', length: 36, nullable: true })
  ownerUnitId!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** The document's type as its title reads ("Tờ trình", "Biên bản", …), read at upload; null when none could be read. */
  @Column({ name: 'document_type', type: 'varchar', length: 64, nullable: true })
  documentType!: string | null;

  /** Pages, read at upload (a PDF's, a Word document's as saved, 1 for an image); null when unknown. */
  @Column({ type: 'int', nullable: true })
  pages!: number | null;
}
