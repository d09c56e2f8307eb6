import { frameworkToWorkbook, type FrameworkSpec } from '../../../apps/scoring/src';
import { gqlOk } from '../../../libs/testing/src';

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
