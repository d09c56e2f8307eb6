import { ANONYMOUS, presetId, runWithContext, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { UnitReportTemplate } from '../unit-report/unit-report.entity';
import type { Services } from '../context';
import { REPORT_TEMPLATE_PRESETS } from './templates.preset';

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/** Load both seed plans' unit-report templates; idempotent (an edited template is left as it is). */
export async function loadPresets(services: Services, logger: Logger): Promise<string[]> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const created: string[] = [];
    for (const p of REPORT_TEMPLATE_PRESETS) {
      const campaignId = presetId('Campaign', p.campaignCode);
      if (await services.db.manager.findOne(UnitReportTemplate, { where: { campaignId } })) continue;
      await services.unitReports.setTemplate(campaignId, p.fields, p.sourceClause);
      created.push(p.campaignCode);
    }
    if (created.length) logger.info({ presets: created.length }, 'reporting presets loaded');
    return created;
  });
}
