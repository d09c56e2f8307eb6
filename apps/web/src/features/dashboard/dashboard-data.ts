// The campaign dashboard's figures, and the list of units behind each of them.
import { graphql } from '../../gql';
import type { AssessmentStatus, LeadDashboardQuery, OrgUnitKind, RegistrationStatus } from '../../gql/graphql';
import { assessmentStatusLabels, orgUnitKindLabels, registrationStatusLabels } from '../../i18n/labels';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { MilestoneFields } from '../campaign/use-campaigns';
import { AssessmentSummaryFields } from '../verification/verification-data';
import type { UnitList, UnitListRow } from './unit-list-drawer';

spreads(AssessmentSummaryFields, MilestoneFields);

export const DashboardQuery = graphql(`
  query LeadDashboard($campaignId: ID!, $year: Int!, $asOf: Date) {
    campaign(id: $campaignId) {
      id
      code
      name
      milestones {
        ...MilestoneFields
        dueDateIn(year: $year)
        sourceClause
      }
      expectedUnits(asOf: $asOf) {
        id
        code
        name
        kind
      }
      registrations {
        id
        status
        returnReason
        submittedAt
        unit {
          id
          code
          name
          kind
        }
        person {
          id
          fullName
        }
      }
      unregisteredUnits(asOf: $asOf) {
        id
        code
        name
        kind
      }
      unitPlans {
        id
        number
        receivedDate
        onTime
        unit {
          id
          code
          name
          kind
        }
      }
      unitPlanCoverage(asOf: $asOf) {
        kind
        expected
        submitted
        onTime
        percent
        missing {
          id
          code
          name
          kind
        }
      }
      unitReports(year: $year) {
        id
        status
        late
        submittedOn
        unit {
          id
          code
          name
          kind
        }
      }
      reportingProgress(year: $year) {
        year
        deadline
        rates {
          unitKind
          expected
          submitted
          onTime
          late
          completeness
          timeliness
        }
        missingUnits {
          id
          code
          name
          kind
        }
      }
    }
    assessments(campaignId: $campaignId, year: $year) {
      ...AssessmentSummaryFields
    }
  }
`);

type Campaign = NonNullable<LeadDashboardQuery['campaign']>;
type Assessment = LeadDashboardQuery['assessments'][number];
interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
}

/** Assessment states in workflow order, with the short words the dashboard uses. */
export const ASSESSMENT_STEPS: Array<{ status: AssessmentStatus | 'NONE'; label: string }> = [
  { status: 'NONE', label: 'Chưa có phiếu' },
  { status: 'SELF_ASSESSING', label: 'Đang tự chấm' },
  { status: 'SUBMITTED', label: 'Chờ thẩm định' },
  { status: 'VERIFIED', label: 'Đã thẩm định' },
  { status: 'PUBLISHED', label: 'Đã công bố' },
];

export const REGISTRATION_STEPS: Array<{ status: RegistrationStatus | 'NONE'; label: string }> = [
  { status: 'ACCEPTED', label: 'Đã tiếp nhận' },
  { status: 'SUBMITTED', label: 'Chờ tiếp nhận' },
  { status: 'RETURNED', label: 'Bị trả lại' },
  { status: 'DRAFT', label: 'Bản nháp' },
  { status: 'NONE', label: 'Chưa đăng ký' },
];

export function kindLabel(k: string | null | undefined): string {
  return k ? (orgUnitKindLabels[k as OrgUnitKind] ?? 'Loại khác') : 'Tất cả';
}

function unitRow(u: UnitRef, extra?: Record<string, string>, action?: UnitListRow['action']): UnitListRow {
  return { key: u.id, code: u.code, name: u.name, kind: u.kind, extra, action };
}

/** Everything the dashboard shows, computed once from the answer. */
export function dashboardFigures(c: Campaign, assessments: Assessment[], year: number, campaignCode: string) {
  const expected = c.expectedUnits;
  const file = (slug: string) => `${slug}-${campaignCode}-${year}`;

  // Registrations (collectives and individuals) by status, and the units that have not registered.
  const registrationCount = (s: RegistrationStatus | 'NONE') => (s === 'NONE' ? c.unregisteredUnits.length : c.registrations.filter((r) => r.status === s).length);
  const registrationList = (s: RegistrationStatus | 'NONE'): UnitList => {
    if (s === 'NONE') {
      return {
        title: 'Đơn vị chưa đăng ký thi đua',
        description: `${c.unregisteredUnits.length} đơn vị bắt buộc tham gia chưa gửi đăng ký thi đua.`,
        fileName: file('chua-dang-ky'),
        rows: c.unregisteredUnits.map((u) => unitRow(u)),
      };
    }
    const rows = c.registrations
      .filter((r) => r.status === s)
      .map(
        (r): UnitListRow => ({
          key: r.id,
          code: r.unit?.code,
          name: r.unit?.name ?? r.person?.fullName ?? '—',
          kind: r.unit?.kind,
          extra: { 'Ngày gửi': formatDate(r.submittedAt), ...(s === 'RETURNED' ? { 'Lý do trả lại': r.returnReason ?? '—' } : {}) },
        }),
      );
    return {
      title: `Đăng ký thi đua: ${registrationStatusLabels[s].toLocaleLowerCase('vi')}`,
      description: `${rows.length} đăng ký thi đua ở trạng thái «${registrationStatusLabels[s]}».`,
      fileName: file('dang-ky-thi-dua'),
      extraColumns: s === 'RETURNED' ? ['Ngày gửi', 'Lý do trả lại'] : ['Ngày gửi'],
      rows,
    };
  };

  // Registrations of the units that must take part, per unit kind: accepted, waiting to be accepted, not (yet) sent —
  // a draft or a returned one counts as not sent, as it does for the lead agency's list of units to chase.
  const expectedIds = new Set(expected.map((u) => u.id));
  const unitRegistrations = c.registrations.filter((r) => r.unit && expectedIds.has(r.unit.id));
  const registrationStatusOf = new Map(unitRegistrations.map((r) => [r.unit?.id, r.status]));
  const kindsInOrder = [...new Set([...c.unitPlanCoverage.map((p) => p.kind), ...expected.map((u) => u.kind)].filter((k): k is OrgUnitKind => !!k && expected.some((u) => u.kind === k)))];
  const registrationsByKind = kindsInOrder.map((kind) => {
    const units = expected.filter((u) => u.kind === kind);
    return {
      kind,
      expected: units.length,
      accepted: units.filter((u) => registrationStatusOf.get(u.id) === 'ACCEPTED').length,
      submitted: units.filter((u) => registrationStatusOf.get(u.id) === 'SUBMITTED').length,
      missing: c.unregisteredUnits.filter((u) => u.kind === kind),
    };
  });
  /** The list behind a bar of registrations per kind: the kind's units whose registration is accepted, waiting, or not sent. */
  const registrationKindList = (kind: OrgUnitKind, part: 'ACCEPTED' | 'SUBMITTED' | 'NONE'): UnitList => {
    const kindText = ` — ${orgUnitKindLabels[kind]}`;
    if (part === 'NONE') {
      const missing = c.unregisteredUnits.filter((u) => u.kind === kind);
      return {
        title: `Chưa đăng ký thi đua${kindText}`,
        description: `${missing.length} đơn vị (${orgUnitKindLabels[kind]}) bắt buộc tham gia chưa gửi đăng ký thi đua.`,
        fileName: file('chua-dang-ky'),
        extraColumns: ['Tình trạng'],
        rows: missing.map((u) => {
          const status = registrationStatusOf.get(u.id);
          return unitRow(u, { 'Tình trạng': status ? registrationStatusLabels[status] : 'Chưa đăng ký' });
        }),
      };
    }
    const rows = unitRegistrations
      .filter((r) => r.status === part && r.unit?.kind === kind)
      .map((r): UnitListRow => ({ key: r.id, code: r.unit?.code, name: r.unit?.name ?? '—', kind: r.unit?.kind, extra: { 'Ngày gửi': formatDate(r.submittedAt) } }));
    return {
      title: `Đăng ký thi đua: ${registrationStatusLabels[part].toLocaleLowerCase('vi')}${kindText}`,
      description: `${rows.length} đơn vị (${orgUnitKindLabels[kind]}) có đăng ký thi đua ở trạng thái «${registrationStatusLabels[part]}».`,
      fileName: file('dang-ky-thi-dua'),
      extraColumns: ['Ngày gửi'],
      rows,
    };
  };

  // Unit launch plans per unit kind: on time, late, missing.
  const coverageByKind = c.unitPlanCoverage.filter((p) => p.kind !== null);
  const coverageTotal = c.unitPlanCoverage.find((p) => p.kind === null);
  const planList = (kind: OrgUnitKind | null, part: 'onTime' | 'late' | 'missing'): UnitList => {
    const kindText = kind ? ` — ${orgUnitKindLabels[kind]}` : '';
    if (part === 'missing') {
      const missing = (kind ? coverageByKind.find((p) => p.kind === kind)?.missing : coverageTotal?.missing) ?? [];
      return {
        title: `Chưa gửi kế hoạch phát động${kindText}`,
        description: `${missing.length} đơn vị chưa gửi kế hoạch phát động phong trào.`,
        fileName: file('chua-gui-ke-hoach'),
        rows: missing.map((u) => unitRow(u)),
      };
    }
    const plans = c.unitPlans.filter((p) => (!kind || p.unit.kind === kind) && (part === 'onTime' ? p.onTime !== false : p.onTime === false));
    return {
      title: `Kế hoạch phát động gửi ${part === 'onTime' ? 'đúng hạn' : 'muộn'}${kindText}`,
      description: `${plans.length} đơn vị đã gửi kế hoạch phát động ${part === 'onTime' ? 'đúng hạn' : 'sau hạn'}.`,
      fileName: file('ke-hoach-phat-dong'),
      extraColumns: ['Số kế hoạch', 'Ngày nhận'],
      rows: plans.map((p) => unitRow(p.unit, { 'Số kế hoạch': p.number, 'Ngày nhận': formatDate(p.receivedDate) })),
    };
  };

  // The year's unit reports per unit kind (DHIS2 completeness and timeliness).
  // Null when reporting did not answer in time (the page shows why): no rates and no list rather than no dashboard.
  const progress = c.reportingProgress ?? { deadline: null, rates: [], missingUnits: [] };
  const ratesByKind = progress.rates.filter((r) => r.unitKind !== null);
  const rateTotal = progress.rates.find((r) => r.unitKind === null);
  const reportList = (kind: string | null, part: 'sent' | 'missing'): UnitList => {
    const kindText = kind ? ` — ${kindLabel(kind)}` : '';
    if (part === 'missing') {
      const missing = progress.missingUnits.filter((u) => !kind || u.kind === kind);
      return {
        title: `Chưa gửi báo cáo năm ${year}${kindText}`,
        description: `${missing.length} đơn vị chưa gửi báo cáo kết quả năm ${year}${progress.deadline ? ` (hạn ${formatDate(progress.deadline)})` : ''}.`,
        fileName: file('chua-gui-bao-cao'),
        rows: missing.map((u) => unitRow(u)),
      };
    }
    const sent = (c.unitReports ?? []).filter((r) => r.status === 'SUBMITTED' && (!kind || r.unit.kind === kind));
    return {
      title: `Đã gửi báo cáo năm ${year}${kindText}`,
      description: `${sent.length} đơn vị đã gửi báo cáo kết quả năm ${year}.`,
      fileName: file('da-gui-bao-cao'),
      extraColumns: ['Ngày gửi', 'Đúng hạn'],
      rows: sent.map((r) => unitRow(r.unit, { 'Ngày gửi': formatDate(r.submittedOn), 'Đúng hạn': r.late ? 'Gửi muộn' : 'Đúng hạn' })),
    };
  };

  // Assessments of the year by state; "no assessment" counts the expected units that have none.
  const assessed = new Set(assessments.map((a) => a.unit.id));
  const unassessed = expected.filter((u) => !assessed.has(u.id));
  const assessmentCount = (s: AssessmentStatus | 'NONE') => (s === 'NONE' ? unassessed.length : assessments.filter((a) => a.status === s).length);
  const assessmentList = (s: AssessmentStatus | 'NONE'): UnitList => {
    if (s === 'NONE') {
      return {
        title: `Chưa có phiếu đánh giá năm ${year}`,
        description: `${unassessed.length} đơn vị bắt buộc tham gia chưa mở phiếu tự đánh giá năm ${year}.`,
        fileName: file('chua-co-phieu'),
        rows: unassessed.map((u) => unitRow(u)),
      };
    }
    const rows = assessments
      .filter((a) => a.status === s)
      .map(
        (a): UnitListRow => ({
          key: a.id,
          code: a.unit.code,
          name: a.unitName,
          kind: a.unitKind,
          extra: {
            'Điểm tự chấm': formatNumber(a.selfTotal),
            'Điểm thẩm định': formatNumber(a.verifiedTotal),
            'Tỷ lệ': formatPercent(a.percent),
            'Ngày nộp': formatDate(a.submittedAt),
          },
          action: { to: `/dieu-hanh/tham-dinh/${a.id}`, label: s === 'SUBMITTED' ? 'Thẩm định' : 'Xem phiếu' },
        }),
      );
    return {
      title: `Phiếu đánh giá năm ${year}: ${assessmentStatusLabels[s].toLocaleLowerCase('vi')}`,
      description: `${rows.length} phiếu đánh giá ở trạng thái «${assessmentStatusLabels[s]}».`,
      fileName: file('phieu-danh-gia'),
      extraColumns: ['Điểm tự chấm', 'Điểm thẩm định', 'Tỷ lệ', 'Ngày nộp'],
      rows,
    };
  };

  return {
    expected,
    registrationCount,
    registrationList,
    registered: registrationCount('SUBMITTED') + registrationCount('ACCEPTED'),
    registrationsByKind,
    registrationKindList,
    coverageByKind,
    coverageTotal,
    planList,
    ratesByKind,
    rateTotal,
    reportList,
    assessmentCount,
    assessmentList,
  };
}
