import { dateColumn, idColumn, refColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/** Kế hoạch phát động of one unit for one campaign (R5). */
@Entity('unit_plan')
@Index('uq_unit_plan', ['campaignId', 'unitId'], { unique: true })
export class UnitPlan {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'unit_id', ...refColumn })
  unitId!: string;

  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Column({ name: 'issued_date', ...dateColumn })
  issuedDate!: string;

  @Column({ name: 'received_date', ...dateColumn })
  receivedDate!: string;

  @Column({ name: 'file_id', ...refColumn, nullable: true })
  fileId!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;
}
