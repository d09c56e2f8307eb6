import { missingRequired, parseValues, reportingRates } from '../unit-report/unit-report.rules';
import type { ReportField } from '../unit-report/unit-report.entity';

const fields: ReportField[] = [
  { code: 'A', label: 'Số sáng kiến', type: 'NUMBER', required: true, unit: null },
  { code: 'B', label: 'Tỷ lệ ký số', type: 'PERCENT', required: false, unit: '%' },
  { code: 'C', label: 'Có kế hoạch', type: 'BOOLEAN', required: true, unit: null },
];

describe('unit report values', () => {
  it('parses by type: decimal comma, có/không, blank as missing', () => {
    expect(parseValues(fields, [{ code: 'A', value: '3' }, { code: 'B', value: '97,5' }, { code: 'C', value: 'Không' }])).toEqual({ values: { A: 3, B: 97.5, C: false }, problems: [] });
    const { values } = parseValues(fields, [{ code: 'A', value: '  ' }]);
    expect(missingRequired(fields, values).map((f) => f.code)).toEqual(['A', 'C']);
  });

  it('explains every bad value', () => {
    expect(parseValues(fields, [{ code: 'A', value: '-1' }, { code: 'B', value: '101' }, { code: 'C', value: 'maybe' }]).problems.map((p) => p.code)).toEqual(['A', 'B', 'C']);
  });
});

describe('reporting rates (DHIS2)', () => {
  it('counts completeness and timeliness over the expected units, per kind and in total', () => {
    const expected = [
      { id: 'w1', kind: 'WARD_PC' },
      { id: 'w2', kind: 'WARD_PC' },
      { id: 'd1', kind: 'DEPARTMENT' },
      { id: 'd2', kind: 'DEPARTMENT' },
    ];
    const reports = [
      { unitId: 'w1', status: 'SUBMITTED', late: false },
      { unitId: 'w2', status: 'SUBMITTED', late: true },
      { unitId: 'd1', status: 'DRAFT', late: false },
      // A report from a unit not expected to report does not raise the rates.
      { unitId: 'x', status: 'SUBMITTED', late: false },
    ];
    expect(reportingRates(expected, reports)).toEqual([
      { unitKind: 'DEPARTMENT', expected: 2, submitted: 0, onTime: 0, late: 0, completeness: 0, timeliness: 0 },
      { unitKind: 'WARD_PC', expected: 2, submitted: 2, onTime: 1, late: 1, completeness: 100, timeliness: 50 },
      { unitKind: null, expected: 4, submitted: 2, onTime: 1, late: 1, completeness: 50, timeliness: 25 },
    ]);
  });
});
