import { ANONYMOUS, presetId, runWithContext, type Viewer } from '@thidua/platform';
import type { Logger } from 'pino';
import { UnitReportTemplate } from '../unit-report/unit-report.entity';
import type { Services } from '../context';
import { REPORT_TEMPLATE_PRESETS } from './templates.preset';
import { CITY_SUMMARY_OPERATION, REPORT_DEFINITION_PRESETS, UNIT_ROLLUP_OPERATION, upgradedOperation, upgradedRecipient } from './definitions.preset';
import { ReportDefinition } from '../report/report.entity';

const SYSTEM: Viewer = { ...ANONYMOUS, userId: 'system:preset', roles: ['ADMIN'], anonymous: false };

/** Load both seed plans' unit-report templates and report definitions with schedules; idempotent (edited rows are left as they are). */
export async function loadPresets(services: Services, logger: Logger): Promise<string[]> {
  return runWithContext({ requestId: 'preset', logger, viewer: SYSTEM }, async () => {
    const created: string[] = [];
    for (const p of REPORT_TEMPLATE_PRESETS) {
      const campaignId = presetId('Campaign', p.campaignCode);
      if (await services.db.manager.findOne(UnitReportTemplate, { where: { campaignId } })) continue;
      await services.unitReports.setTemplate(campaignId, p.fields, p.sourceClause);
      created.push(p.campaignCode);
    }
    for (const d of REPORT_DEFINITION_PRESETS) {
      const stored = await services.db.manager.findOne(ReportDefinition, { where: { code: d.code } });
      if (stored) {
        // A preset never edited since an earlier version: its operation (e.g. paged rankings) and its recipient (one
        // naming an agency that has since ended) are brought up to date.
        const operation = upgradedOperation(stored.operation);
        // Only with the preset's own operation, which asks for the bodies the new recipient is named from.
        const current = operation ?? stored.operation;
        const recipient = current === CITY_SUMMARY_OPERATION || current === UNIT_ROLLUP_OPERATION ? upgradedRecipient(stored.code, stored.recipient) : null;
        if (operation || recipient) await services.reports.upsertDefinition({ ...stored, operation: operation ?? stored.operation, recipient: recipient ?? stored.recipient });
        continue;
      }
      const def = await services.reports.upsertDefinition({
        id: presetId('ReportDefinition', d.code),
        code: d.code,
        campaignId: presetId('Campaign', d.campaignCode),
        name: d.name,
        kind: d.kind,
        operation: d.template === 'unit-rollup' ? UNIT_ROLLUP_OPERATION : CITY_SUMMARY_OPERATION,
        template: d.template,
        recipient: d.recipient,
        deliverToProvince: d.deliverToProvince,
      });
      if (d.schedule) await services.reports.setSchedule(def.id, d.schedule, 'Asia/Ho_Chi_Minh', true);
      created.push(d.code);
    }
    if (created.length) logger.info({ presets: created.length }, 'reporting presets loaded');
    return created;
  });
}
