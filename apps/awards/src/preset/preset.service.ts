import { randomUUID } from 'node:crypto';
import { ANONYMOUS, presetId, recordAudit, runWithContext, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { AwardForm, LegalInstrument, Occasion } from '../award-form/award-form.entity';
import type { Services } from '../context';
import { AWARD_PRESETS } from './forms.preset';
import { AWARD_RULES_PRESETS } from './award-rules.preset';
import { CampaignAwardRules } from '../award-rules/award-rules.entity';
import { BASE_SALARIES, BONUS_RATES, LEGAL_INSTRUMENTS } from './legal.preset';
import { BaseSalary, BonusRate } from '../decision/decision.entity';

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/** Load the legal instruments and both seed plans' award forms and occasions; idempotent. */
export async function loadPresets(services: Services, logger: Logger): Promise<string[]> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const m = services.db.manager;
    const created: string[] = [];
    for (const i of LEGAL_INSTRUMENTS) {
      if (await m.findOne(LegalInstrument, { where: { code: i.code } })) continue;
      await services.db.transaction(async (tx) => {
        const row = tx.create(LegalInstrument, { id: randomUUID(), ...i });
        await tx.save(row);
        await recordAudit(tx, { entityType: 'LegalInstrument', entityId: row.id, action: 'create', after: row });
      });
      created.push(i.code);
    }
    for (const s of BASE_SALARIES) {
      if (await m.findOne(BaseSalary, { where: { validFrom: s.validFrom } })) continue;
      await services.decisions.setBaseSalary(s);
      created.push(`lương cơ sở ${s.validFrom}`);
    }
    for (const r of BONUS_RATES) {
      if (await m.findOne(BonusRate, { where: { instrumentCode: r.instrumentCode, formKind: r.formKind, authority: r.authority, candidateKind: r.candidateKind } })) continue;
      await services.decisions.setBonusRate(r);
      created.push(`${r.instrumentCode}:${r.formKind}:${r.authority}:${r.candidateKind}`);
    }
    for (const p of AWARD_PRESETS) {
      const campaignId = presetId('Campaign', p.campaignCode);
      for (const f of p.forms) {
        if (await m.findOne(AwardForm, { where: { campaignId, code: f.code } })) continue;
        await services.forms.createForm({ ...f, campaignId, id: presetId('AwardForm', `${p.campaignCode}:${f.code}`) });
        created.push(`${p.campaignCode}:${f.code}`);
      }
      for (const o of p.occasions) {
        const id = presetId('Occasion', `${p.campaignCode}:${o.kind}:${o.year}`);
        if (await m.findOne(Occasion, { where: { id } })) continue;
        await services.forms.createOccasion({ ...o, campaignId, id });
      }
    }
    for (const p of AWARD_RULES_PRESETS) {
      const campaignId = presetId('Campaign', p.campaignCode);
      if (await m.findOne(CampaignAwardRules, { where: { campaignId } })) continue;
      await services.awardRules.set(campaignId, 0, p.rules);
      created.push(`${p.campaignCode}:quy định hồ sơ`);
    }
    if (created.length) logger.info({ presets: created.length }, 'awards presets loaded');
    return created;
  });
}
