import type { ReportKind } from '../report/report.entity';

/**
 * The city summary's questions to the graph, one operation per part so that each stays within the gateway's
 * query limits (the gateway counts a list's cost by its page size); the answers are merged. The ranking is paged
 * (`$after`): the report runner follows its cursor, 1,000 units a page, until every published unit is read.
 */
export const CITY_SUMMARY_OPERATION = `query Campaign($campaignId: ID!, $asOf: Date!, $issuedOn: Date!, $boundary: ResultBoundary) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency(asOf: $issuedOn) { name active parent { name } }
    issuer(asOf: $issuedOn) { name active }
    appraisingAgency(asOf: $issuedOn) { name active }
    unitPlanCoverage(asOf: $asOf, boundary: $boundary) { kind expected submitted onTime percent }
    registrations { status }
  }
}
query Rankings($campaignId: ID!, $year: Int!, $after: String, $asOf: Date!, $boundary: ResultBoundary) {
  campaign(id: $campaignId) {
    rankings(year: $year, boundary: $boundary, asOf: $asOf, first: 1000, after: $after) { boundary asOf totalCount hasNextPage endCursor entries { rank unit { name } unitKind total maxPoints percent classification passes parts { unit { name } total maxPoints } } }
  }
}
query Reporting($campaignId: ID!, $year: Int!, $asOf: Date!, $boundary: ResultBoundary) {
  campaign(id: $campaignId) {
    reportingProgress(year: $year, boundary: $boundary, asOf: $asOf) { deadline rates { unitKind expected submitted onTime late completeness timeliness } missingUnits { name } }
  }
}
query Awards($campaignId: ID!, $year: Int!) {
  campaign(id: $campaignId) {
    awardees(year: $year) { awardeeName collective form { name } decision { number date } }
  }
}`;

/** The roll-up of the units' yearly reports, for the lead agency. */
export const UNIT_ROLLUP_OPERATION = `query Rollup($campaignId: ID!, $year: Int!, $issuedOn: Date!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency(asOf: $issuedOn) { name active parent { name } }
    unitReportTemplate { fields { code label type unit } }
    unitReports(year: $year) { unit { name kind } status late submittedOn values { code value } }
    reportingProgress(year: $year) { deadline rates { unitKind expected submitted onTime late completeness timeliness } missingUnits { name } }
  }
}`;

/**
 * Earlier texts of the presets' operations, as stored by earlier versions (the city summary's ranking stopped at 400
 * units; the heading named the plan's lead agency). A stored definition still holding one of them was never edited and is
 * brought up to date at boot.
 */
export const SUPERSEDED_OPERATIONS: ReadonlyArray<{ was: string; now: string }> = [
  {
    was: `query Campaign($campaignId: ID!, $asOf: Date!) {
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
}`,
    now: CITY_SUMMARY_OPERATION,
  },
  // Before the heading named the lead agency in force on the document's date ($issuedOn), not the one of the plan.
  {
    was: `query Campaign($campaignId: ID!, $asOf: Date!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency { name parent { name } }
    unitPlanCoverage(asOf: $asOf) { kind expected submitted onTime percent }
    registrations { status }
  }
}
query Rankings($campaignId: ID!, $year: Int!, $after: String) {
  campaign(id: $campaignId) {
    rankings(year: $year, first: 1000, after: $after) { totalCount hasNextPage endCursor entries { rank unit { name } unitKind total maxPoints percent classification passes } }
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
}`,
    now: CITY_SUMMARY_OPERATION,
  },
  {
    was: `query Rollup($campaignId: ID!, $year: Int!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency { name parent { name } }
    unitReportTemplate { fields { code label type unit } }
    unitReports(year: $year) { unit { name kind } status late submittedOn values { code value } }
    reportingProgress(year: $year) { deadline rates { unitKind expected submitted onTime late completeness timeliness } missingUnits { name } }
  }
}`,
    now: UNIT_ROLLUP_OPERATION,
  },
  // Before the recipient was named by date too (the plan's issuer and appraising agency in force on the document's date).
  {
    was: `query Campaign($campaignId: ID!, $asOf: Date!, $issuedOn: Date!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency(asOf: $issuedOn) { name active parent { name } }
    unitPlanCoverage(asOf: $asOf) { kind expected submitted onTime percent }
    registrations { status }
  }
}
query Rankings($campaignId: ID!, $year: Int!, $after: String) {
  campaign(id: $campaignId) {
    rankings(year: $year, first: 1000, after: $after) { totalCount hasNextPage endCursor entries { rank unit { name } unitKind total maxPoints percent classification passes } }
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
}`,
    now: CITY_SUMMARY_OPERATION,
  },
  // Before the figures could be counted by today's units (R25: $boundary; $asOf is then the day whose units count).
  {
    was: `query Campaign($campaignId: ID!, $asOf: Date!, $issuedOn: Date!) {
  campaign(id: $campaignId) {
    name
    jurisdiction { name }
    leadAgency(asOf: $issuedOn) { name active parent { name } }
    issuer(asOf: $issuedOn) { name active }
    appraisingAgency(asOf: $issuedOn) { name active }
    unitPlanCoverage(asOf: $asOf) { kind expected submitted onTime percent }
    registrations { status }
  }
}
query Rankings($campaignId: ID!, $year: Int!, $after: String) {
  campaign(id: $campaignId) {
    rankings(year: $year, first: 1000, after: $after) { totalCount hasNextPage endCursor entries { rank unit { name } unitKind total maxPoints percent classification passes } }
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
}`,
    now: CITY_SUMMARY_OPERATION,
  },
];

/** The operation a stored preset definition should now hold, or null when it is current or was edited by someone. */
export function upgradedOperation(stored: string, superseded: ReadonlyArray<{ was: string; now: string }> = SUPERSEDED_OPERATIONS): string | null {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  return superseded.find((s) => norm(s.was) === norm(stored))?.now ?? null;
}

/**
 * A roll-up's recipient: the leadership of the agency that leads the campaign on the document's date. The document
 * names that agency ("Lãnh đạo Sở Khoa học và Công nghệ thành phố Đà Nẵng" after 1/3/2025), never one that had ended.
 */
export const LEAD_AGENCY_LEADERSHIP = 'Lãnh đạo cơ quan chủ trì phong trào';

/**
 * A city summary's recipient: the body that issued the plan, through its appraising agency (Nội vụ), both as in force
 * on the document's date: «UBND thành phố Buôn Ma Thuột (qua Phòng Nội vụ thành phố Buôn Ma Thuột)» until 30/6/2025,
 * «UBND tỉnh Đắk Lắk (qua Sở Nội vụ tỉnh Đắk Lắk)» from 1/7/2025, when the district-level city ended.
 */
export const ISSUER_THROUGH_APPRAISING = 'Cơ quan ban hành kế hoạch (qua cơ quan thẩm định khen thưởng)';
/** The body that issued the plan, as in force on the document's date. */
export const ISSUER_IN_FORCE = 'Cơ quan ban hành kế hoạch';

/** Recipients stored by earlier versions, naming a body that has since ended; an unedited one is brought up to date at boot. */
export const SUPERSEDED_RECIPIENTS: ReadonlyArray<{ code: string; was: string; now: string }> = [
  { code: 'BMT-BC-DON-VI', was: 'Lãnh đạo Phòng Văn hóa và Thông tin', now: LEAD_AGENCY_LEADERSHIP },
  { code: 'DN-BC-DON-VI', was: 'Lãnh đạo Sở Thông tin và Truyền thông', now: LEAD_AGENCY_LEADERSHIP },
  { code: 'BMT-BC-TONG-HOP', was: 'Ủy ban nhân dân thành phố Buôn Ma Thuột (qua Phòng Nội vụ)', now: ISSUER_THROUGH_APPRAISING },
  { code: 'BMT-SO-KET', was: 'Ủy ban nhân dân thành phố Buôn Ma Thuột', now: ISSUER_IN_FORCE },
];

/** The recipient a stored preset definition should now hold, or null when it is current or was edited by someone. */
export function upgradedRecipient(code: string, stored: string): string | null {
  return SUPERSEDED_RECIPIENTS.find((r) => r.code === code && r.was === stored)?.now ?? null;
}

export interface DefinitionPreset {
  code: string;
  campaignCode: string;
  name: string;
  kind: ReportKind;
  recipient: string;
  deliverToProvince: boolean;
  template: 'city-summary' | 'unit-rollup';
  /** Cron in Asia/Ho_Chi_Minh (a few days before the plan's deadline); null: on demand only. */
  schedule: string | null;
}

/** Both plans' reports (BMT VI.3, VI.7; ĐN V.5.d), editable data. */
export const REPORT_DEFINITION_PRESETS: DefinitionPreset[] = [
  {
    code: 'BMT-BC-TONG-HOP',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số',
    kind: 'CITY_SUMMARY',
    recipient: ISSUER_THROUGH_APPRAISING,
    deliverToProvince: true,
    template: 'city-summary',
    // Before 15/12 (BMT VI.3): at 8:00 on 13/12.
    schedule: '0 8 13 12 *',
  },
  {
    code: 'BMT-BC-DON-VI',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Tổng hợp báo cáo kết quả thực hiện Phong trào thi đua Chuyển đổi số của các cơ quan, đơn vị, địa phương',
    kind: 'UNIT_ROLLUP',
    recipient: LEAD_AGENCY_LEADERSHIP,
    deliverToProvince: false,
    template: 'unit-rollup',
    // The day after the units' deadline (10/12, BMT VI.7).
    schedule: '0 7 11 12 *',
  },
  {
    code: 'BMT-BC-TINH',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số trên địa bàn thành phố Buôn Ma Thuột',
    kind: 'PROVINCE_REPORT',
    recipient: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    deliverToProvince: true,
    template: 'city-summary',
    schedule: '0 8 16 12 *',
  },
  {
    code: 'BMT-SO-KET',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Sơ kết Phong trào thi đua Chuyển đổi số giai đoạn 2023 - 2025',
    kind: 'INTERIM_REVIEW',
    recipient: ISSUER_IN_FORCE,
    deliverToProvince: false,
    template: 'city-summary',
    schedule: null,
  },
  {
    code: 'BMT-TONG-KET',
    campaignCode: 'BMT-CDS-2023-2025',
    name: 'Tổng kết Phong trào thi đua Chuyển đổi số giai đoạn 2023 - 2025',
    kind: 'FINAL_REVIEW',
    recipient: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    deliverToProvince: true,
    template: 'city-summary',
    schedule: null,
  },
  {
    code: 'DN-BC-TONG-HOP',
    campaignCode: 'DN-CDS-2021-2030',
    name: 'Kết quả thực hiện thi đua chuyển đổi số',
    kind: 'CITY_SUMMARY',
    recipient: 'Ủy ban nhân dân thành phố Đà Nẵng',
    deliverToProvince: true,
    template: 'city-summary',
    schedule: '0 8 15 12 *',
  },
  {
    code: 'DN-BC-DON-VI',
    campaignCode: 'DN-CDS-2021-2030',
    name: 'Tổng hợp báo cáo kết quả thi đua chuyển đổi số của các cơ quan, đơn vị, địa phương',
    kind: 'UNIT_ROLLUP',
    recipient: LEAD_AGENCY_LEADERSHIP,
    deliverToProvince: false,
    template: 'unit-rollup',
    schedule: null,
  },
  {
    code: 'DN-TONG-KET',
    campaignCode: 'DN-CDS-2021-2030',
    name: 'Tổng kết phong trào thi đua chuyển đổi số',
    kind: 'FINAL_REVIEW',
    recipient: 'Ủy ban nhân dân thành phố Đà Nẵng',
    deliverToProvince: true,
    template: 'city-summary',
    schedule: null,
  },
];
