import { formatVietnameseDate } from '@thidua/platform';

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
  table?: { sheet: string; header: string[]; rows: Array<Array<string | number>> };
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
};
export const kindName = (k: string | null | undefined) => (k ? (KIND_NAMES[k] ?? k) : 'Tổng cộng');
const pct = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

/** What the city summary operation returns (see the preset definitions). */
export interface CitySummaryData {
  campaign: {
    name: string;
    jurisdiction: { name: string };
    leadAgency: { name: string; parent: { name: string } | null };
    unitPlanCoverage: Array<{ kind: string | null; expected: number; submitted: number; onTime: number; percent: number }>;
    registrations: Array<{ status: string }>;
    rankings: { totalCount: number; entries: Array<{ rank: number; unit: { name: string }; unitKind: string; total: number; maxPoints: number; percent: number; classification: string; passes: boolean }> };
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
  if (!c) throw new Error('campaign not found');
  const place = c.jurisdiction.name.replace(/^UBND (tỉnh|thành phố|huyện|quận|thị xã|xã|phường) /i, '');
  const registered = c.registrations.filter((r) => r.status === 'SUBMITTED' || r.status === 'ACCEPTED').length;
  const plans = c.unitPlanCoverage.find((p) => p.kind === null);
  const entries = c.rankings.entries;
  const passing = entries.filter((e) => e.passes).length;
  const reporting = c.reportingProgress.rates.find((r) => r.unitKind === null);
  return {
    issuerParent: (c.leadAgency.parent?.name ?? c.jurisdiction.name).toLocaleUpperCase('vi'),
    issuer: c.leadAgency.name.toLocaleUpperCase('vi'),
    place,
    title: 'BÁO CÁO',
    subtitle: `${ctx.reportName} năm ${ctx.year}`,
    recipient: ctx.recipient,
    sections: [
      {
        heading: 'I. CÔNG TÁC TRIỂN KHAI',
        paragraphs: [
          `Thực hiện ${c.name}, năm ${ctx.year} có ${registered} tập thể, cá nhân đăng ký thi đua.`,
          plans ? `Kế hoạch phát động của đơn vị: ${plans.submitted}/${plans.expected} đơn vị đã ban hành (${pct(plans.percent)}), ${plans.onTime} đơn vị đúng hạn.` : 'Chưa có số liệu kế hoạch phát động của đơn vị.',
        ],
        table: {
          sheet: 'Kế hoạch phát động',
          header: ['Loại đơn vị', 'Phải ban hành', 'Đã ban hành', 'Đúng hạn', 'Tỷ lệ'],
          rows: c.unitPlanCoverage.map((p) => [kindName(p.kind), p.expected, p.submitted, p.onTime, pct(p.percent)]),
        },
      },
      {
        heading: 'II. KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ',
        paragraphs: [entries.length ? `${entries.length} đơn vị có kết quả được công bố; ${passing} đơn vị đạt yêu cầu của phong trào (${pct(Math.round((passing / entries.length) * 10_000) / 100)}).` : `Chưa có kết quả đánh giá năm ${ctx.year} được công bố.`],
        table: {
          sheet: 'Xếp hạng',
          header: ['Hạng', 'Đơn vị', 'Loại đơn vị', 'Điểm', 'Điểm tối đa', 'Tỷ lệ', 'Xếp loại'],
          rows: entries.map((e) => [e.rank, e.unit.name, kindName(e.unitKind), e.total, e.maxPoints, pct(e.percent), e.classification]),
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
        table: {
          sheet: 'Báo cáo đơn vị',
          header: ['Loại đơn vị', 'Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Đầy đủ', 'Đúng hạn (%)'],
          rows: c.reportingProgress.rates.map((r) => [kindName(r.unitKind), r.expected, r.submitted, r.onTime, r.late, pct(r.completeness), pct(r.timeliness)]),
        },
      },
      {
        heading: 'IV. CÔNG TÁC KHEN THƯỞNG',
        paragraphs: [c.awardees.length ? `Năm ${ctx.year} có ${c.awardees.length} tập thể, cá nhân được khen thưởng.` : `Năm ${ctx.year} chưa có quyết định khen thưởng.`],
        table: {
          sheet: 'Khen thưởng',
          header: ['STT', 'Tập thể, cá nhân', 'Hình thức', 'Quyết định', 'Ngày'],
          rows: c.awardees.map((a, i) => [i + 1, a.awardeeName, a.form.name, a.decision.number, formatVietnameseDate(a.decision.date)]),
        },
      },
    ],
  };
}

/** Templates by code: a definition names one. */
export const TEMPLATES: Record<string, (data: never, ctx: { year: number; recipient: string; reportName: string }) => ReportModel> = {
  'city-summary': citySummary,
};
