import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { createLogger, loadPlatformConfig, openDatabase, presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const SUMMARY = presetId('ReportDefinition', 'BMT-BC-TONG-HOP');
const UNITS = 1_150;
type Run = { id: string; status: string; error: string | null; documents: Array<{ name: string; base64: string }> };

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeEachDatabase('a report reads every unit (more than a ranking page)', (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '' },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('ranks and counts all 1,150 published wards of a year in the city summary, not the first page', async () => {
    // The wards exist in the directory (the ranking names them through participants), created through the API.
    const admin = await stack.token('ADMIN');
    const ids: string[] = [];
    const create = async (i: number) => {
      const r = await gqlOk<{ createOrgUnit: { id: string } }>(
        stack.url,
        'mutation($c: String!, $n: String!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, validFrom: "2020-01-01" }) { id } }',
        { c: `THU-P-${i}`, n: `UBND phường Thử ${i}` },
        admin,
      );
      ids[i] = r.createOrgUnit.id;
    };
    for (let i = 0; i < UNITS; i += 10) await Promise.all(Array.from({ length: Math.min(10, UNITS - i) }, (_, k) => create(i + k)));

    // Their published results of 2025, written straight into scoring's database (many ties: totals 0..99).
    const env = stack.subgraphEnvs.scoring ?? {};
    const scoring = await openDatabase({ config: loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...env }), logger: createLogger('test', 'silent'), entities: [], migrations: { mysql: [], sqlite: [] } });
    try {
      const columns = 'id, campaign_id, period_id, unit_id, unit_kind, unit_name, framework_id, year, status, max_points, self_total, verified_total, version';
      for (let i = 0; i < UNITS; i += 250) {
        const chunk = ids.slice(i, i + 250);
        const values = chunk.flatMap((unitId, k) => [randomUUID(), BMT, randomUUID(), unitId, 'WARD_PC', `UBND phường Thử ${i + k}`, randomUUID(), 2025, 'PUBLISHED', 100, (i + k) % 100, (i + k) % 100, 1]);
        await scoring.manager.query(`INSERT INTO assessment (${columns}) VALUES ${chunk.map(() => `(${Array(13).fill('?').join(', ')})`).join(', ')}`, values);
      }
    } finally {
      await scoring.close();
    }
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    const published = (await gqlOk<{ campaign: { rankings: { totalCount: number } } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { rankings(year: 2025, first: 1) { totalCount } } }', {}, lead)).campaign.rankings.totalCount;
    expect(published).toBeGreaterThanOrEqual(UNITS);

    const requested = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2025) { id } }', { d: SUMMARY }, lead);
    const run = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { id status error documents { name base64 } } }', { id: requested.requestReportRun.id }, lead)).reportRun,
      (r) => r.status === 'FAILED' || r.status === 'SUCCEEDED',
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(run.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Xếp hạng');
    const names = (sheet?.getRows(2, (sheet?.rowCount ?? 1) - 1) ?? []).map((r) => String(r.getCell(2).value)).filter((n) => n.startsWith('UBND phường Thử '));
    expect(new Set(names).size).toBe(UNITS);
    expect((sheet?.rowCount ?? 0) - 1).toBe(published);
    const docx = await docxText(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    expect(docx).toContain(`${published} đơn vị có kết quả được công bố`);
  });
});
