import { dateColumn, idColumn, refColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

export type RecognitionLevel = 'UNIT' | 'DISTRICT' | 'PROVINCE' | 'NATIONAL';

/** Sáng kiến, giải pháp (R6). */
@Entity('initiative')
@Index('idx_initiative_unit', ['unitId'])
@Index('idx_initiative_campaign', ['campaignId'])
export class Initiative {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ name: 'campaign_id', ...refColumn, nullable: true })
  campaignId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  field!: string;

  @Column({ name: 'recognition_level', type: 'varchar', length: 16 })
  recognitionLevel!: RecognitionLevel;

  @Column({ name: 'recognized_date', ...dateColumn, nullable: true })
  recognizedDate!: string | null;

  @Column({ name: 'decision_number', type: 'varchar', length: 64, nullable: true })
  decisionNumber!: string | null;

  @Column({ type: 'boolean', default: false })
  replicated!: boolean;

  @VersionColumn({ type: 'int' })
  version!: number;
}

@Entity('initiative_author')
@Index('idx_initiative_author_initiative', ['initiativeId'])
@Index('idx_initiative_author_person', ['personId'])
export class InitiativeAuthor {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'initiative_id', ...refColumn })
  initiativeId!: string;

  @Column({ name: 'person_id', ...refColumn })
  personId!: string;

  @Column({ type: 'int' })
  ordinal!: number;
}
