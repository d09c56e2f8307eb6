import { idColumn, refColumn, timestampColumn } from '@thidua/platform';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { ConsultationStage, ReportConfirmer } from './award-rules.rules';

/** A campaign's rules on award dossiers (copies, confirmations, the lead agency's review, the consultation): one row per campaign. */
@Entity('campaign_award_rules')
@Index('uq_campaign_award_rules', ['campaignId'], { unique: true })
export class CampaignAwardRules {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'campaign_id', ...refColumn })
  campaignId!: string;

  @Column({ name: 'dossier_copies', type: 'int' })
  dossierCopies!: number;

  @Column({ name: 'lead_review_required', type: 'boolean', default: false })
  leadReviewRequired!: boolean;

  @Column({ name: 'report_confirmations', type: 'simple-json' })
  reportConfirmations!: ReportConfirmer[];

  @Column({ name: 'consultation_days', type: 'int' })
  consultationDays!: number;

  @Column({ name: 'consultation_stage', type: 'varchar', length: 16 })
  consultationStage!: ConsultationStage;

  @Column({ name: 'updated_at', ...timestampColumn })
  updatedAt!: Date;

  @VersionColumn({ type: 'int' })
  version!: number;
}
