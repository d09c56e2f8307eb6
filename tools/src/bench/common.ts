import { loadavg } from 'node:os';
import { frameworkToWorkbook, type FrameworkSpec } from '../../../apps/scoring/src';
import { gqlOk } from '../../../libs/testing/src';

/** What the benchmark sections share: percentiles, the machine's load, a bounded pool of work, the index they score on. */

/** The p-th percentile of ascending numbers (nearest rank); NaN when there are none. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** The load average (1 / 5 / 15 min): timings mean little while something else keeps the cores busy. */
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

/** Run `work(0..n-1)` with at most `concurrency` at a time. */
export async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

/**
 * A published framework for wards of `groups` × `perGroup` manual indicators (2 points each, typed by hand), imported
 * from its workbook as the lead agency does: the benchmarks' index. Returns its id.
 */
export async function publishManualFramework(
  url: string,
  lead: string,
  f: { code: string; name: string; year: number; jurisdiction: string; groups: number; perGroup: number },
): Promise<string> {
  const spec: FrameworkSpec = {
    code: f.code,
    name: f.name,
    year: f.year,
    jurisdiction: f.jurisdiction,
    targetLevel: 'COMMUNE',
    appliesToKinds: ['WARD_PC'],
    legalBasis: null,
    isSample: false,
    groups: Array.from({ length: f.groups }, (_, g) => ({
      code: `${g + 1}`,
      name: `Nhóm chỉ số ${g + 1}`,
      kind: 'NORMAL' as const,
      groups: [],
      indicators: Array.from({ length: f.perGroup }, (_, i) => ({
        code: `${g + 1}.${i + 1}`,
        name: `Chỉ số ${g + 1}.${i + 1}`,
        maxPoints: 2,
        ruleType: 'MANUAL' as const,
        ruleConfig: {},
        evidence: null,
        dataSource: null,
        verifyingUnit: null,
        appliesToKinds: null,
      })),
    })),
  };
  const imported = (
    await gqlOk<{ importFramework: { ok: boolean; errors: unknown[]; framework: { id: string } | null } }>(
      url,
      'mutation($b: String!) { importFramework(base64: $b) { ok errors { row message } framework { id } } }',
      { b: (await frameworkToWorkbook(spec)).toString('base64') },
      lead,
    )
  ).importFramework;
  if (!imported.ok || !imported.framework) throw new Error(`importFramework: ${JSON.stringify(imported.errors)}`);
  await gqlOk(url, 'mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: imported.framework.id }, lead);
  return imported.framework.id;
}
