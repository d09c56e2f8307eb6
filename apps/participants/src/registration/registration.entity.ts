import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export type RegistrationStatus = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

/** Đăng ký thi đua (R4): one per campaign and participant (unit or person). */
@Entity('registration')
@Index('uq_registration_participant', ['campaignId', 'participantKey'], { unique: true })
export class Registration {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'unit_id', ...refColumn, nullable: true })
  unitId!: string | null;

  @Column({ name: 'person_id', ...refColumn, nullable: true })
  personId!: string | null;

  /** "unit:<id>" or "person:<id>": one registration per participant and campaign. */
  @Column({ name: 'participant_key', type: 'varchar', length: 48 })
  participantKey!: string;

  @Column({ type: 'simple-json' })
  commitments!: string[];

  @Column({ type: 'varchar', length: 16 })
  status!: RegistrationStatus;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ name: 'submitted_at', ...timestampColumn, nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'decided_at', ...timestampColumn, nullable: true })
  decidedAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}
