import { randomUUID } from 'node:crypto';
import { platformError, recordAudit, rethrowUnique, type Database } from '@thidua/platform';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { CampaignAwardRules } from './award-rules.entity';
import { DEFAULT_AWARD_RULES, normalizeConfirmers, type AwardRulesValue } from './award-rules.rules';

/** A campaign's rules as the graph shows them: stored, or the defaults (version 0) while nobody has set them. */
export interface AwardRulesView extends AwardRulesValue {
  campaignId: string;
  version: number;
  updatedAt: Date | null;
}

function view(campaignId: string, row: CampaignAwardRules | null | undefined): AwardRulesView {
  if (!row)
    return {
      ...DEFAULT_AWARD_RULES,
      reportConfirmations: [...DEFAULT_AWARD_RULES.reportConfirmations],
      campaignId,
      version: 0,
      updatedAt: null,
    };
  return {
    campaignId,
    dossierCopies: row.dossierCopies,
    leadReviewRequired: row.leadReviewRequired,
    reportConfirmations: normalizeConfirmers(row.reportConfirmations),
    consultationDays: row.consultationDays,
    consultationStage: row.consultationStage,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** Each campaign's rules on award dossiers (copies, confirmations, the lead agency's review, the consultation). */
export class AwardRulesService {
  constructor(private readonly db: Database) {}

  /** The rules of many campaigns, in the order asked (defaults for those without a row). */
  async ofCampaigns(campaignIds: readonly string[], m: EntityManager = this.db.manager): Promise<AwardRulesView[]> {
    const rows = campaignIds.length
      ? await m.find(CampaignAwardRules, {
          where: { campaignId: In([...new Set(campaignIds)]) },
        })
      : [];
    const by = new Map(rows.map((r) => [r.campaignId, r]));
    return campaignIds.map((id) => view(id, by.get(id)));
  }

  async of(campaignId: string, m: EntityManager = this.db.manager): Promise<AwardRulesView> {
    return (await this.ofCampaigns([campaignId], m))[0] as AwardRulesView;
  }

  /**
   * Set a campaign's rules. `expectedVersion` is the version read (0 for the defaults): a stale one, or none while
   * rules are already stored, is refused with VERSION_CONFLICT and nothing changes.
   */
  async set(campaignId: string, expectedVersion: number | null | undefined, input: AwardRulesValue): Promise<AwardRulesView> {
    const value: AwardRulesValue = {
      ...input,
      reportConfirmations: normalizeConfirmers(input.reportConfirmations),
    };
    return this.db.transaction(async (m) => {
      const before = await m.findOne(CampaignAwardRules, {
        where: { campaignId },
        ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      const current = before?.version ?? 0;
      if ((expectedVersion ?? (before ? null : 0)) !== current)
        throw platformError('VERSION_CONFLICT', {
          expectedVersion: expectedVersion ?? null,
          currentVersion: current,
        });
      let saved: CampaignAwardRules;
      if (before) {
        saved = await m.save(CampaignAwardRules, {
          ...before,
          ...value,
          updatedAt: new Date(),
        });
      } else {
        try {
          saved = await m.save(
            m.create(CampaignAwardRules, {
              id: randomUUID(),
              campaignId,
              ...value,
              updatedAt: new Date(),
            }),
          );
        } catch (err) {
          rethrowUnique(
            err,
            platformError('VERSION_CONFLICT', {
              expectedVersion: expectedVersion ?? null,
              currentVersion: 1,
            }),
          );
        }
      }
      await recordAudit(m, {
        entityType: 'CampaignAwardRules',
        entityId: saved.id,
        action: before ? 'update' : 'create',
        before,
        after: saved,
      });
      return view(campaignId, saved);
    });
  }
}
