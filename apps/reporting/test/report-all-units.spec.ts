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

  it('ranks and counts all 1,150 published wards of a year in the city summary, not the first page; its figures are the tables’ rows', async () => {
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
    // A sheet's rows under its header (the row printed on every page).
    const rowsOf = (name: string) => {
      const sheet = wb.getWorksheet(name);
      const header = Number(sheet?.pageSetup.printTitlesRow?.split(':')[0] ?? 1);
      return (sheet?.getRows(header + 1, Math.max(0, (sheet?.rowCount ?? 1) - header)) ?? []).map((r) => (r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    };
    // The ranking sheet lists every published unit, each of the 1,150 wards once.
    const ranking = rowsOf('Xếp hạng');
    expect(ranking).toHaveLength(published);
    expect(new Set(ranking.map((r) => r[1]).filter((n) => n?.startsWith('UBND phường Thử '))).size).toBe(UNITS);
    // BMT's rule: above 70% passes. The wards' totals are 0..99 of 100: 29 of each hundred pass (319 of 1,150).
    const passing = ranking.filter((r) => r[6] === 'Đạt (trên 70% điểm)');
    expect(passing.filter((r) => r[1]?.startsWith('UBND phường Thử '))).toHaveLength(319);

    // The summary's figures are the tables' rows, in the Word document and on the workbook's summary sheet alike.
    const docx = await docxText(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    const summary = new Map(rowsOf('Tổng hợp').map((r) => [r[0] ?? '', r[1] ?? '']));
    const total = (name: string) => rowsOf(name).find((r) => r[0] === 'Tổng cộng');
    const plans = total('Kế hoạch phát động');
    const reporting = total('Báo cáo đơn vị');
    expect(docx).toContain(`${ranking.length} đơn vị có kết quả được công bố; ${passing.length} đơn vị đạt yêu cầu của phong trào`);
    expect([summary.get('Đơn vị có kết quả được công bố'), summary.get('Đơn vị đạt yêu cầu của phong trào')]).toEqual([String(ranking.length), String(passing.length)]);
    if (plans) {
      expect(docx).toContain(`Kế hoạch phát động của đơn vị: ${plans[2]}/${plans[1]} đơn vị đã ban hành`);
      expect([summary.get('Đơn vị đã ban hành kế hoạch'), summary.get('Đơn vị phải ban hành kế hoạch phát động')]).toEqual([plans[2], plans[1]]);
    }
    if (reporting) {
      expect(docx).toContain(`: ${reporting[2]}/${reporting[1]} đơn vị đã gửi`);
      expect([summary.get('Đơn vị đã gửi báo cáo'), summary.get('Đơn vị phải báo cáo')]).toEqual([reporting[2], reporting[1]]);
    }
    expect(plans && reporting).toBeTruthy();

    // The run's wall time, printed once for the record (not asserted).
    const times = (await gqlOk<{ reportRun: { startedAt: string; finishedAt: string } }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { startedAt finishedAt } }', { id: run.id }, lead)).reportRun;
    process.stdout.write(`[${db}] city summary of ${published} published units: run ${Date.parse(times.finishedAt) - Date.parse(times.startedAt)} ms\n`);
  }, 600_000);
});
