import type { ReportField, ReportValues } from './unit-report.entity';

export interface ValueProblem {
  code: string;
  message: string;
}

/**
 * Parse the submitted strings by each field's type: numbers ≥ 0, percentages 0–100, true/false, text up to 5,000
 * characters; unknown codes are refused. Returns the typed values and every problem found.
 */
export function parseValues(fields: ReportField[], input: Array<{ code: string; value?: string | null }>): { values: ReportValues; problems: ValueProblem[] } {
  const values: ReportValues = {};
  const problems: ValueProblem[] = [];
  for (const { code, value } of input) {
    const field = fields.find((f) => f.code === code);
    if (!field) {
      problems.push({ code, message: `Chỉ tiêu «${code}» không có trong mẫu báo cáo.` });
      continue;
    }
    const raw = value?.trim() ?? '';
    if (raw === '') {
      values[code] = null;
      continue;
    }
    if (field.type === 'NUMBER' || field.type === 'PERCENT') {
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0 || (field.type === 'PERCENT' && n > 100)) {
        problems.push({ code, message: `«${field.label}»: ${field.type === 'PERCENT' ? 'phải là tỷ lệ từ 0 đến 100' : 'phải là số không âm'} (nhận «${raw}»).` });
      } else values[code] = n;
    } else if (field.type === 'BOOLEAN') {
      if (!['true', 'false', 'có', 'không'].includes(raw.toLowerCase())) problems.push({ code, message: `«${field.label}»: phải là có hoặc không (nhận «${raw}»).` });
      else values[code] = raw.toLowerCase() === 'true' || raw.toLowerCase() === 'có';
    } else if (raw.length > 5000) problems.push({ code, message: `«${field.label}»: dài quá 5.000 ký tự.` });
    else values[code] = raw;
  }
  return { values, problems };
}

/** Required fields with no value. */
export function missingRequired(fields: ReportField[], values: ReportValues): ReportField[] {
  return fields.filter((f) => f.required && (values[f.code] === undefined || values[f.code] === null));
}

export interface RateRow {
  unitKind: string | null;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  completeness: number;
  timeliness: number;
}

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 100 : 0);

/**
 * Completeness and timeliness as DHIS2 reports them: of the units expected to report, the share that reported,
 * and the share that reported on time; one row per unit kind, then the total (unitKind null).
 */
/**
 * A unit's reporting record for a campaign's year (R2: a merged unit's history stays with its successor): its own
 * submitted report, else those its predecessors submitted; sent if there is one, on time if none of them was late.
 * `lineage` is the unit, then its predecessors.
 */
export function recordOf<R extends { unitId: string; late: boolean }>(lineage: readonly string[], submitted: ReadonlyMap<string, R>): { reports: R[]; submitted: boolean; onTime: boolean } {
  const own = submitted.get(lineage[0] as string);
  const reports = own ? [own] : lineage.slice(1).flatMap((id) => submitted.get(id) ?? []);
  return { reports, submitted: reports.length > 0, onTime: reports.length > 0 && reports.every((r) => !r.late) };
}

/**
 * Records of a year rolled up to the units in force on a date (R25): each successor counts once, sent if one of the
 * units it succeeds sent its report, on time if every one that sent did; a unit dissolved without a successor
 * leaves the count. `successors` gives, for each unit expected that year, the units it rolls up to.
 */
export function rollUpRecords(
  records: ReadonlyArray<{ unitId: string; submitted: boolean; onTime: boolean }>,
  successors: ReadonlyMap<string, ReadonlyArray<{ id: string; kind: string }>>,
): Array<{ unit: { id: string; kind: string }; unitIds: string[]; submitted: boolean; onTime: boolean }> {
  const out = new Map<string, { unit: { id: string; kind: string }; unitIds: string[]; submitted: boolean; onTime: boolean }>();
  for (const r of records) {
    for (const s of successors.get(r.unitId) ?? []) {
      const row = out.get(s.id) ?? { unit: { id: s.id, kind: s.kind }, unitIds: [], submitted: false, onTime: true };
      row.unitIds.push(r.unitId);
      if (r.submitted) {
        row.submitted = true;
        row.onTime &&= r.onTime;
      }
      out.set(s.id, row);
    }
  }
  return [...out.values()].map((r) => ({ ...r, onTime: r.submitted && r.onTime }));
}

export function reportingRates(expected: Array<{ id: string; kind: string }>, reports: Array<{ unitId: string; status: string; late: boolean }>): RateRow[] {
  const submitted = new Map(reports.filter((r) => r.status === 'SUBMITTED').map((r) => [r.unitId, r]));
  const row = (unitKind: string | null, units: Array<{ id: string }>): RateRow => {
    const got = units.filter((u) => submitted.has(u.id));
    const onTime = got.filter((u) => !submitted.get(u.id)?.late).length;
    return { unitKind, expected: units.length, submitted: got.length, onTime, late: got.length - onTime, completeness: pct(got.length, units.length), timeliness: pct(onTime, units.length) };
  };
  const kinds = [...new Set(expected.map((u) => u.kind))].sort();
  return [...kinds.map((k) => row(k, expected.filter((u) => u.kind === k))), row(null, expected)];
}
