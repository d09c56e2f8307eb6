import { ANONYMOUS, presetId, recordAudit, runWithContext, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { CampaignScoring } from '../assessment/assessment.entity';
import type { ClassificationRule } from '../assessment/scoring.rules';
import type { Services } from '../context';
import { SAMPLE_FRAMEWORKS } from './dti-922.preset';

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/** The seed plans' classification rules, keyed by the campaigns' stable preset ids. */
export const PRESET_RULES: Array<{ campaignCode: string; rule: ClassificationRule }> = [
  {
    // BMT III.1.a–b: "Đạt tỷ lệ trên 70% điểm theo Quyết định số 2534/QĐ-UBND".
    campaignCode: 'BMT-CDS-2023-2025',
    rule: {
      basis: 'PERCENT',
      bands: [{ min: 70, inclusive: false, label: 'Đạt (trên 70% điểm)', passes: true }],
      otherwise: { label: 'Chưa đạt (từ 70% điểm trở xuống)', passes: false },
    },
  },
  {
    // ĐN III.2.a: "Kết quả tiêu chí đánh giá ứng dụng công nghệ thông tin xếp loại tốt (từ 80 điểm trở lên)".
    campaignCode: 'DN-CDS-2021-2030',
    rule: {
      basis: 'POINTS',
      bands: [{ min: 80, inclusive: true, label: 'Tốt', passes: true }],
      otherwise: { label: 'Chưa đạt loại Tốt', passes: false },
    },
  },
];

/** Load the sample frameworks (published, marked as samples) and the seed campaigns' rules; idempotent. */
export async function loadPresets(services: Services, logger: Logger): Promise<string[]> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const created: string[] = [];
    for (const spec of SAMPLE_FRAMEWORKS) {
      if (await services.frameworks.byCode(spec.code)) continue;
      await services.frameworks.create(spec, { status: 'PUBLISHED', id: presetId('IndexFramework', spec.code) });
      created.push(spec.code);
    }
    for (const { campaignCode, rule } of PRESET_RULES) {
      const campaignId = presetId('Campaign', campaignCode);
      if (await services.db.manager.findOne(CampaignScoring, { where: { campaignId } })) continue;
      await services.db.transaction(async (m) => {
        const row = m.create(CampaignScoring, { campaignId, rule });
        await m.save(row);
        await recordAudit(m, { entityType: 'CampaignScoring', entityId: campaignId, action: 'create', after: row });
      });
      created.push(`rule:${campaignCode}`);
    }
    if (created.length) logger.info({ presets: created }, 'scoring presets loaded');
    return created;
  });
}
