import { placeOf, vietnameseNumber, type SheetColumnKind } from '@thidua/documents';
import { formatVietnameseDate } from '@thidua/platform';
import { ISSUER_IN_FORCE, ISSUER_THROUGH_APPRAISING, LEAD_AGENCY_LEADERSHIP } from '../preset/definitions.preset';

/** A report laid out once, rendered as Word and as Excel. */
export interface ReportModel {
  /** Upper-case issuer and its superior for the heading block. */
  issuerParent: string;
  issuer: string;
  /** Place for "…, ngày … tháng … năm …". */
  place: string;
  title: string;
  subtitle: string;
  recipient: string;
  sections: ReportSection[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  /** The section's figures, label and value, for the workbook's summary sheet (the paragraphs say them in Word). */
  figures?: ReportFigure[];
  table?: ReportTable;
  /** Lists only the workbook has as sheets of their own (the Word document names them in its paragraphs). */
  lists?: ReportTable[];
}

/**
 * A table of the report: a sheet of the workbook and a table of the Word document. `kinds` says what each column
 * holds (text by default): numbers are numbers, a percentage a fraction (0.875 for 87,5%), a date "YYYY-MM-DD"; Word
 * writes them as Vietnamese write them, the workbook stores them as numbers and dates.
 */
export interface ReportTable {
  sheet: string;
  /** The sheet's title; the section's heading when absent. */
  title?: string;
  header: string[];
  kinds?: SheetColumnKind[];
  rows: Array<Array<string | number | null>>;
}

/** One figure of the summary sheet: a percentage as a fraction, a date as "YYYY-MM-DD". */
export interface ReportFigure {
  label: string;
  value: string | number | null;
  kind?: SheetColumnKind;
}

const KIND_NAMES: Record<string, string> = {
  PROVINCE_PC: 'UBND tỉnh',
  CITY_PC: 'UBND thành phố',
  DISTRICT_PC: 'UBND quận, huyện',
  DEPARTMENT: 'Cơ quan chuyên môn',
  MASS_ORGANISATION: 'Mặt trận, đoàn thể',
  WARD_PC: 'UBND phường',
  COMMUNE_PC: 'UBND xã',
  ENTERPRISE: 'Doanh nghiệp',
  CENTRAL_AGENCY: 'Cơ quan Trung ương đóng trên địa bàn',
};
export const kindName = (k: string | null | undefined) => (k ? (KIND_NAMES[k] ?? k) : 'Tổng cộng');
/** Rows by kind of unit with the total (kind null) last, as a table ends with its total. */
const totalLast = <T,>(rows: T[], kind: (row: T) => string | null): T[] => [...rows.filter((r) => kind(r) !== null), ...rows.filter((r) => kind(r) === null)];
/** The lead agency as the operations ask it: in force on the document's date; `active` false when none was. */
type LeadAgency = { name: string; active?: boolean | null; parent: { name: string } | null };

/**
 * The heading block every report shares: the lead agency in force on the document's date under its superior, and the
 * place. A document never names a body that no longer existed on its date: with no agency in force, it is not made.
 */
function heading(c: { jurisdiction: { name: string }; leadAgency: LeadAgency }): Pick<ReportModel, 'issuerParent' | 'issuer' | 'place'> {
  if (c.leadAgency.active === false) {
    throw new Error(`${c.leadAgency.name} không còn hoạt động vào ngày lập báo cáo và chưa có cơ quan kế thừa được ghi nhận; cần ghi nhận cơ quan tiếp nhận nhiệm vụ trước khi lập báo cáo.`);
  }
  return {
    issuerParent: (c.leadAgency.parent?.name ?? c.jurisdiction.name).toLocaleUpperCase('vi'),
    issuer: c.leadAgency.name.toLocaleUpperCase('vi'),
    place: placeOf(c.jurisdiction.name),
  };
}

const pct = (n: number) => `${vietnameseNumber(n)}%`;
/** A percentage (0–100, as the graph gives it) as the fraction a workbook stores (87.5 → 0.875). */
const fraction = (percent: number) => Math.round(percent * 100) / 10_000;

/** A body as the operations ask it on the document's date: `active` false when none was in force. */
type Body = { name: string; active?: boolean | null };

/**
 * The city summary's recipient: as written, or the plan's issuer (through its appraising agency) in force on the
 * document's date; a document is not made addressed to a body that no longer existed then.
 */
function summaryRecipient(recipient: string, c: { issuer?: Body | null; appraisingAgency?: Body | null }): string {
  if (recipient !== ISSUER_IN_FORCE && recipient !== ISSUER_THROUGH_APPRAISING) return recipient;
  const bodies = recipient === ISSUER_IN_FORCE ? [c.issuer] : [c.issuer, c.appraisingAgency];
  for (const b of bodies) {
    if (b === undefined) throw new Error('Nơi nhận của báo cáo là cơ quan ban hành kế hoạch theo ngày lập báo cáo, nhưng câu hỏi của báo cáo không hỏi issuer(asOf: $issuedOn) và appraisingAgency(asOf: $issuedOn); cần bổ sung câu hỏi hoặc ghi nơi nhận.');
    if (!b) throw new Error('Báo cáo gửi cơ quan ban hành kế hoạch nhưng phong trào chưa ghi cơ quan ban hành; cần ghi nơi nhận của báo cáo.');
    if (b.active === false) throw new Error(`${b.name} không còn hoạt động vào ngày lập báo cáo và chưa có cơ quan kế thừa được ghi nhận; cần ghi nhận cơ quan tiếp nhận nhiệm vụ trước khi lập báo cáo.`);
  }
  return recipient === ISSUER_IN_FORCE ? (c.issuer as Body).name : `${(c.issuer as Body).name} (qua ${(c.appraisingAgency as Body).name})`;
}

type CitySummaryEntry = NonNullable<CitySummaryData['campaign']>['rankings']['entries'][number];

/** What the city summary operation returns (see the preset definitions). */
export interface CitySummaryData {
  campaign: {
    name: string;
    jurisdiction: { name: string };
    leadAgency: LeadAgency;
    issuer?: Body | null;
    appraisingAgency?: Body | null;
    unitPlanCoverage: Array<{ kind: string | null; expected: number; submitted: number; onTime: number; percent: number }>;
    registrations: Array<{ status: string }>;
    rankings: {
      /** Absent in operations stored before R25: the units as they were. */
      boundary?: 'AS_WAS' | 'SUCCESSORS';
      asOf?: string | null;
      totalCount: number;
      entries: Array<{ rank: number; unit: { name: string }; unitKind: string; total: number; maxPoints: number; percent: number; classification: string; passes: boolean; parts?: Array<{ unit: { name: string }; total: number; maxPoints: number }> }>;
    };
    reportingProgress: { deadline: string | null; rates: Array<{ unitKind: string | null; expected: number; submitted: number; onTime: number; late: number; completeness: number; timeliness: number }>; missingUnits: Array<{ name: string }> };
    awardees: Array<{ awardeeName: string; collective: boolean; form: { name: string }; decision: { number: string; date: string } }>;
  } | null;
}

/**
 * Báo cáo kết quả thực hiện phong trào (city summary, report to the province, reviews): registrations, unit plans,
 * the index results and ranking, the unit reports' completeness and timeliness, and the awards of the year.
 */
export function citySummary(data: CitySummaryData, ctx: { year: number; recipient: string; reportName: string }): ReportModel {
  const c = data.campaign;
  if (!c) throw new Error('Không tìm thấy phong trào của báo cáo.');
  // R25: the document says which units its figures are counted by.
  const rolledUpTo = c.rankings.boundary === 'SUCCESSORS' ? (c.rankings.asOf ?? null) : null;
  const partsOf = (e: CitySummaryEntry) => (e.parts ?? []).map((p) => `${p.unit.name} (${vietnameseNumber(p.total)}/${vietnameseNumber(p.maxPoints)} điểm)`).join('; ');
  const registered = c.registrations.filter((r) => r.status === 'SUBMITTED' || r.status === 'ACCEPTED').length;
  const plans = c.unitPlanCoverage.find((p) => p.kind === null);
  const entries = c.rankings.entries;
  const passing = entries.filter((e) => e.passes).length;
  const reporting = c.reportingProgress.rates.find((r) => r.unitKind === null);
  return {
    ...heading(c),
    title: 'BÁO CÁO',
    subtitle: `${ctx.reportName} năm ${ctx.year}`,
    recipient: summaryRecipient(ctx.recipient, c),
    sections: [
      {
        heading: 'I. CÔNG TÁC TRIỂN KHAI',
        paragraphs: [
          rolledUpTo
            ? `Số liệu trong báo cáo được quy về các cơ quan, đơn vị, địa phương đang tồn tại ngày ${formatVietnameseDate(rolledUpTo)}: đơn vị đã sáp nhập được tính một lần dưới đơn vị kế thừa, điểm của đơn vị kế thừa là trung bình điểm của các đơn vị hợp thành (điểm riêng của từng đơn vị ghi kèm); đơn vị đã giải thể không có đơn vị kế thừa không được tính.`
            : `Số liệu trong báo cáo được tính theo các cơ quan, đơn vị, địa phương như trong năm ${ctx.year}.`,
          `Thực hiện ${c.name}, năm ${ctx.year} có ${registered} tập thể, cá nhân đăng ký thi đua.`,
          plans ? `Kế hoạch phát động của đơn vị: ${plans.submitted}/${plans.expected} đơn vị đã ban hành (${pct(plans.percent)}), ${plans.onTime} đơn vị đúng hạn.` : 'Chưa có số liệu kế hoạch phát động của đơn vị.',
        ],
        figures: [
          { label: 'Số liệu tính theo đơn vị', value: rolledUpTo ? `Đang tồn tại ngày ${formatVietnameseDate(rolledUpTo)} (đơn vị đã sáp nhập tính dưới đơn vị kế thừa)` : `Như trong năm ${ctx.year}` },
          { label: 'Tập thể, cá nhân đăng ký thi đua', value: registered, kind: 'integer' },
          ...(plans
            ? [
                { label: 'Đơn vị phải ban hành kế hoạch phát động', value: plans.expected, kind: 'integer' as const },
                { label: 'Đơn vị đã ban hành kế hoạch', value: plans.submitted, kind: 'integer' as const },
                { label: 'Tỷ lệ đơn vị đã ban hành kế hoạch', value: fraction(plans.percent), kind: 'percent' as const },
                { label: 'Đơn vị ban hành kế hoạch đúng hạn', value: plans.onTime, kind: 'integer' as const },
              ]
            : [{ label: 'Kế hoạch phát động của đơn vị', value: 'Chưa có số liệu' }]),
        ],
        table: {
          sheet: 'Kế hoạch phát động',
          header: ['Loại đơn vị', 'Phải ban hành', 'Đã ban hành', 'Đúng hạn', 'Tỷ lệ'],
          kinds: ['text', 'integer', 'integer', 'integer', 'percent'],
          rows: totalLast(c.unitPlanCoverage, (p) => p.kind).map((p) => [kindName(p.kind), p.expected, p.submitted, p.onTime, fraction(p.percent)]),
        },
      },
      {
        heading: 'II. KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ',
        paragraphs: [entries.length ? `${entries.length} đơn vị có kết quả được công bố; ${passing} đơn vị đạt yêu cầu của phong trào (${pct(Math.round((passing / entries.length) * 10_000) / 100)}).` : `Chưa có kết quả đánh giá năm ${ctx.year} được công bố.`],
        figures: entries.length
          ? [
              { label: 'Đơn vị có kết quả được công bố', value: entries.length, kind: 'integer' },
              { label: 'Đơn vị đạt yêu cầu của phong trào', value: passing, kind: 'integer' },
              { label: 'Tỷ lệ đơn vị đạt yêu cầu', value: Math.round((passing / entries.length) * 10_000) / 10_000, kind: 'percent' },
            ]
          : [{ label: 'Kết quả đánh giá', value: `Chưa có kết quả năm ${ctx.year} được công bố` }],
        table: {
          sheet: 'Xếp hạng',
          header: ['Hạng', 'Đơn vị', 'Loại đơn vị', 'Điểm', 'Điểm tối đa', 'Tỷ lệ', 'Xếp loại', ...(rolledUpTo ? ['Gồm các đơn vị (điểm riêng)'] : [])],
          kinds: ['integer', 'text', 'text', 'decimal', 'decimal', 'percent', 'text', 'text'],
          rows: entries.map((e) => [e.rank, e.unit.name, kindName(e.unitKind), e.total, e.maxPoints, fraction(e.percent), e.classification, ...(rolledUpTo ? [partsOf(e)] : [])]),
        },
      },
      {
        heading: 'III. CHẾ ĐỘ BÁO CÁO CỦA ĐƠN VỊ',
        paragraphs: [
          reporting
            ? `Báo cáo kết quả năm ${ctx.year}${c.reportingProgress.deadline ? ` (hạn ${formatVietnameseDate(c.reportingProgress.deadline)})` : ''}: ${reporting.submitted}/${reporting.expected} đơn vị đã gửi (đầy đủ ${pct(reporting.completeness)}), ${reporting.onTime} đúng hạn (${pct(reporting.timeliness)}), ${reporting.late} gửi muộn.`
            : 'Chưa có số liệu báo cáo của đơn vị.',
          c.reportingProgress.missingUnits.length ? `Đơn vị chưa gửi báo cáo: ${c.reportingProgress.missingUnits.map((u) => u.name).join('; ')}.` : 'Tất cả đơn vị đã gửi báo cáo.',
        ],
        figures: reportingFigures(c.reportingProgress, reporting),
        lists: missingList(c.reportingProgress),
        table: {
          sheet: 'Báo cáo đơn vị',
          header: ['Loại đơn vị', 'Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Tỷ lệ đã gửi', 'Tỷ lệ đúng hạn'],
          kinds: ['text', 'integer', 'integer', 'integer', 'integer', 'percent', 'percent'],
          rows: totalLast(c.reportingProgress.rates, (r) => r.unitKind).map((r) => [kindName(r.unitKind), r.expected, r.submitted, r.onTime, r.late, fraction(r.completeness), fraction(r.timeliness)]),
        },
      },
      {
        heading: 'IV. CÔNG TÁC KHEN THƯỞNG',
        paragraphs: [c.awardees.length ? `Năm ${ctx.year} có ${c.awardees.length} tập thể, cá nhân được khen thưởng.` : `Năm ${ctx.year} chưa có quyết định khen thưởng.`],
        figures: [c.awardees.length ? { label: 'Tập thể, cá nhân được khen thưởng', value: c.awardees.length, kind: 'integer' } : { label: 'Khen thưởng', value: `Năm ${ctx.year} chưa có quyết định khen thưởng` }],
        table: {
          sheet: 'Khen thưởng',
          header: ['STT', 'Tập thể, cá nhân', 'Hình thức', 'Quyết định', 'Ngày'],
          kinds: ['integer', 'text', 'text', 'text', 'date'],
          rows: c.awardees.map((a, i) => [i + 1, a.awardeeName, a.form.name, a.decision.number, a.decision.date]),
        },
      },
    ],
  };
}

type ReportingProgress = NonNullable<CitySummaryData['campaign']>['reportingProgress'];

/** The units' reports in figures: deadline, sent, on time, late, and who has not sent. */
function reportingFigures(p: ReportingProgress, rate: ReportingProgress['rates'][number] | undefined): ReportFigure[] {
  if (!rate) return [{ label: 'Báo cáo của đơn vị', value: 'Chưa có số liệu' }];
  return [
    ...(p.deadline ? [{ label: 'Hạn gửi báo cáo', value: p.deadline, kind: 'date' as const }] : []),
    { label: 'Đơn vị phải báo cáo', value: rate.expected, kind: 'integer' },
    { label: 'Đơn vị đã gửi báo cáo', value: rate.submitted, kind: 'integer' },
    { label: 'Tỷ lệ đơn vị đã gửi', value: fraction(rate.completeness), kind: 'percent' },
    { label: 'Đơn vị gửi đúng hạn', value: rate.onTime, kind: 'integer' },
    { label: 'Tỷ lệ đơn vị gửi đúng hạn', value: fraction(rate.timeliness), kind: 'percent' },
    { label: 'Đơn vị gửi muộn', value: rate.late, kind: 'integer' },
    { label: 'Đơn vị chưa gửi báo cáo', value: p.missingUnits.length, kind: 'integer' },
  ];
}

/** The units that have not sent their report, one a row (the summary sheet counts them). */
function missingList(p: ReportingProgress): ReportTable[] {
  if (!p.missingUnits.length) return [];
  return [{ sheet: 'Chưa gửi báo cáo', title: 'ĐƠN VỊ CHƯA GỬI BÁO CÁO', header: ['STT', 'Đơn vị chưa gửi báo cáo'], kinds: ['integer', 'text'], rows: p.missingUnits.map((u, i) => [i + 1, u.name]) }];
}

/** What the unit roll-up operation returns. */
export interface UnitRollupData {
  campaign: {
    name: string;
    jurisdiction: { name: string };
    leadAgency: LeadAgency;
    unitReportTemplate: { fields: Array<{ code: string; label: string; type: string; unit: string | null }> } | null;
    unitReports: Array<{ unit: { name: string; kind: string }; status: string; late: boolean; submittedOn: string | null; values: Array<{ code: string; value: string | null }> }>;
    reportingProgress: NonNullable<CitySummaryData['campaign']>['reportingProgress'];
  } | null;
}

/**
 * Tổng hợp báo cáo của các đơn vị (for the lead agency): who reported and when, every structured figure per unit
 * with totals (sums of counts, averages of rates), and the units' highlights.
 */
export function unitRollup(data: UnitRollupData, ctx: { year: number; recipient: string; reportName: string }): ReportModel {
  const c = data.campaign;
  if (!c) throw new Error('Không tìm thấy phong trào của báo cáo.');
  const fields = c.unitReportTemplate?.fields ?? [];
  const figures = fields.filter((f) => f.type !== 'TEXT');
  const texts = fields.filter((f) => f.type === 'TEXT');
  const sent = c.unitReports.filter((r) => r.status === 'SUBMITTED').sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
  const value = (r: (typeof sent)[number], code: string) => r.values.find((v) => v.code === code)?.value ?? null;
  // A percentage field's values are 0–100: the workbook stores them as fractions (95 → 0.95, shown 95,0%).
  const cell = (f: (typeof figures)[number], v: string | null): string | number | null => (v === null ? null : f.type === 'BOOLEAN' ? (v === 'true' ? 'Có' : 'Không') : f.type === 'PERCENT' ? fraction(Number(v)) : Number(v));
  const total = (f: (typeof figures)[number]): string | number | null => {
    const vs = sent.map((r) => value(r, f.code)).filter((v): v is string => v !== null);
    if (!vs.length) return null;
    if (f.type === 'BOOLEAN') return `${vs.filter((v) => v === 'true').length}/${vs.length} có`;
    const nums = vs.map(Number);
    const sum = nums.reduce((a, b) => a + b, 0);
    return f.type === 'PERCENT' ? fraction(sum / nums.length) : sum;
  };
  const fieldKind = (f: (typeof figures)[number]): SheetColumnKind => (f.type === 'PERCENT' ? 'percent' : f.type === 'BOOLEAN' ? 'text' : 'decimal');
  // A percentage says so in its cells (95,0%): its header does not repeat "(%)".
  const fieldHeader = (f: (typeof figures)[number]) => (f.unit && !(f.type === 'PERCENT' && f.unit === '%') ? `${f.label} (${f.unit})` : f.label);
  const rate = c.reportingProgress.rates.find((r) => r.unitKind === null);
  return {
    ...heading(c),
    title: 'BÁO CÁO',
    subtitle: `${ctx.reportName} năm ${ctx.year}`,
    // To the leadership of the agency in force on the document's date, by its name of that day.
    recipient: ctx.recipient === LEAD_AGENCY_LEADERSHIP ? `Lãnh đạo ${c.leadAgency.name}` : ctx.recipient,
    sections: [
      {
        heading: 'I. TÌNH HÌNH GỬI BÁO CÁO',
        paragraphs: [
          rate ? `${rate.submitted}/${rate.expected} đơn vị đã gửi báo cáo (${pct(rate.completeness)}), ${rate.onTime} đúng hạn (${pct(rate.timeliness)}), ${rate.late} gửi muộn.` : 'Chưa có số liệu.',
          c.reportingProgress.missingUnits.length ? `Đơn vị chưa gửi: ${c.reportingProgress.missingUnits.map((u) => u.name).join('; ')}.` : 'Tất cả đơn vị đã gửi báo cáo.',
        ],
        figures: reportingFigures(c.reportingProgress, rate),
        lists: missingList(c.reportingProgress),
        table: {
          sheet: 'Tình hình gửi',
          header: ['Loại đơn vị', 'Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Muộn'],
          kinds: ['text', 'integer', 'integer', 'integer', 'integer'],
          rows: totalLast(c.reportingProgress.rates, (r) => r.unitKind).map((r) => [kindName(r.unitKind), r.expected, r.submitted, r.onTime, r.late]),
        },
      },
      {
        heading: 'II. TỔNG HỢP SỐ LIỆU',
        paragraphs: [`Số liệu của ${sent.length} đơn vị đã gửi báo cáo; dòng cuối: tổng (số lượng), trung bình (tỷ lệ).`],
        figures: [{ label: 'Đơn vị có số liệu (đã gửi báo cáo)', value: sent.length, kind: 'integer' }, ...figures.map((f) => ({ label: `${fieldHeader(f)}${f.type === 'PERCENT' ? ' (trung bình)' : f.type === 'BOOLEAN' ? '' : ' (tổng)'}`, value: total(f), kind: fieldKind(f) }))],
        table: {
          sheet: 'Số liệu đơn vị',
          header: ['Đơn vị', 'Ngày gửi', 'Đúng hạn', ...figures.map(fieldHeader)],
          kinds: ['text', 'date', 'text', ...figures.map(fieldKind)],
          rows: [
            ...sent.map((r) => [r.unit.name, r.submittedOn, r.late ? 'Muộn' : 'Đúng hạn', ...figures.map((f) => cell(f, value(r, f.code)))]),
            ['Tổng hợp', null, `${sent.filter((r) => !r.late).length}/${sent.length}`, ...figures.map(total)],
          ],
        },
      },
      {
        heading: 'III. KẾT QUẢ NỔI BẬT, KIẾN NGHỊ CỦA ĐƠN VỊ',
        paragraphs: sent.flatMap((r) => texts.flatMap((f) => (value(r, f.code) ? [`${r.unit.name} – ${f.label}: ${value(r, f.code)}`] : []))),
        figures: sent.flatMap((r) => texts.flatMap((f) => (value(r, f.code) ? [{ label: `${r.unit.name} – ${f.label}`, value: value(r, f.code) }] : []))),
      },
    ],
  };
}

/** Templates by code: a definition names one. */
export const TEMPLATES: Record<string, (data: never, ctx: { year: number; recipient: string; reportName: string }) => ReportModel> = {
  'city-summary': citySummary,
  'unit-rollup': unitRollup,
};
