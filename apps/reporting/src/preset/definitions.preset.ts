import type { ReportKind } from '../report/report.entity';

/**
 * The city summary's questions to the graph, one operation per part so that each stays within the gateway's
 * query limits (the gateway counts a list's cost by its page size: 400 ranked units per report); the answers are
 * merged.
 */
export const CITY_SUMMARY_OPERATION = `query Campaign($campaignId: ID!, $asOf: Date!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency { name parent { name } }
    unitPlanCoverage(asOf: $asOf) { kind expected submitted onTime percent }
    registrations { status }
  }
}
query Rankings($campaignId: ID!, $year: Int!) {
  campaign(id: $campaignId) {
    rankings(year: $year, first: 400) { totalCount entries { rank unit { name } unitKind total maxPoints percent classification passes } }
  }
}
query Reporting($campaignId: ID!, $year: Int!) {
  campaign(id: $campaignId) {
    reportingProgress(year: $year) { deadline rates { unitKind expected submitted onTime late completeness timeliness } missingUnits { name } }
  }
}
query Awards($campaignId: ID!, $year: Int!) {
  campaign(id: $campaignId) {
    awardees(year: $year) { awardeeName collective form { name } decision { number date } }
  }
}`;

export interface DefinitionPreset {
  code: string;
  campaignCode: string;
  name: string;
  kind: ReportKind;
  recipient: string;
  deliverToProvince: boolean;
  /** Cron in Asia/Ho_Chi_Minh: a few days before the plan's deadline. */
  schedule: string;
}

/** Both plans' reports (BMT VI.3, VI.7; ĐN V.5.d), editable data. */
export const REPORT_DEFINITION_PRESETS: DefinitionPreset[] = [
  {
    code: 'BMT-BC-TONG-HOP',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số',
    kind: 'CITY_SUMMARY',
    recipient: 'Ủy ban nhân dân thành phố Buôn Ma Thuột (qua Phòng Nội vụ)',
    deliverToProvince: true,
    // Before 15/12 (BMT VI.3): at 8:00 on 13/12.
    schedule: '0 8 13 12 *',
  },
  {
    code: 'DN-BC-TONG-HOP',
    campaignCode: 'DN-CDS-2021-2030',
    name: 'Kết quả thực hiện thi đua chuyển đổi số',
    kind: 'CITY_SUMMARY',
    recipient: 'Ủy ban nhân dân thành phố Đà Nẵng',
    deliverToProvince: true,
    schedule: '0 8 15 12 *',
  },
];
