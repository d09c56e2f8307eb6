import { ANONYMOUS, presetId, recordAudit, runWithContext, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { Assessment, CampaignScoring } from '../assessment/assessment.entity';
import type { ClassificationRule } from '../assessment/scoring.rules';
import type { Services } from '../context';
import { CampaignFramework } from '../framework/framework.entity';
import type { FrameworkSpec } from '../framework/framework.types';
import { dakLak2534Departments } from './dak-lak-2534.preset';
import { daNang2386 } from './da-nang-2386.preset';
import { dti405Province } from './dti-405.preset';
import { SAMPLE_FRAMEWORKS } from './dti-922.preset';

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/** Every index shipped with the system, in display order: the 922 samples, then the indices of 405, 2386 and 2534. */
export const PRESET_FRAMEWORKS: FrameworkSpec[] = [...SAMPLE_FRAMEWORKS, dti405Province, daNang2386, dakLak2534Departments];

/**
 * The indices each seed campaign scores on; each year and unit kind uses the one in force (framework.rules.ts).
 * BMT: its phòng, ban, ngành and đoàn thể on 2534/QĐ-UBND (plan III.1.a), its wards and communes on the commune
 * sample. ĐN: its agencies, wards and communes on 2386/QĐ-UBND from 2025; the commune sample before.
 */
export const PRESET_CAMPAIGN_FRAMEWORKS: Array<{ campaignCode: string; frameworkCodes: string[] }> = [
  { campaignCode: 'BMT-CDS-2023-2025', frameworkCodes: [dakLak2534Departments.code, 'DTI-MAU-CAP-XA'] },
  { campaignCode: 'DN-CDS-2021-2030', frameworkCodes: [daNang2386.code, 'DTI-MAU-CAP-XA'] },
];

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

/**
 * Load the preset indices (published, marked as samples where not all of them is confirmed), the indices each seed
 * campaign scores on and the campaigns' rules; idempotent: what exists is left as it is (a campaign whose lead agency
 * chose its indices keeps its choice), except a preset index nobody was assessed on yet, brought up to date with its spec.
 */
export async function loadPresets(services: Services, logger: Logger): Promise<string[]> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const created: string[] = [];
    for (const spec of PRESET_FRAMEWORKS) {
      const existing = await services.frameworks.byCode(spec.code);
      if (!existing) {
        await services.frameworks.create(spec, { status: 'PUBLISHED', id: presetId('IndexFramework', spec.code) });
        created.push(spec.code);
      } else if (existing.isSample && (await services.frameworks.correctPreset(existing.id, spec, async (m) => !!(await m.findOne(Assessment, { where: { frameworkId: existing.id } }))))) {
        created.push(`corrected:${spec.code}`);
      }
    }
    for (const { campaignCode, frameworkCodes } of PRESET_CAMPAIGN_FRAMEWORKS) {
      const campaignId = presetId('Campaign', campaignCode);
      if (await services.db.manager.findOne(CampaignFramework, { where: { campaignId } })) continue;
      await services.frameworks.setListedFor(
        campaignId,
        frameworkCodes.map((code) => presetId('IndexFramework', code)),
      );
      created.push(`frameworks:${campaignCode}`);
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
