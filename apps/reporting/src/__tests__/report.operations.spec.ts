import { AppError } from '@thidua/platform';
import type { GraphClient } from '@thidua/graph-client';
import { citySummary, type CitySummaryData } from '../report/report.templates';
import { renderXlsx } from '../report/report.render';
import { inOrderPool } from '../report/report.rules';
import { runOperations } from '../report/report.service';

const DOCUMENT = `query Campaign($campaignId: ID!) { campaign(id: $campaignId) { name jurisdiction { name } leadAgency { name parent { name } } unitPlanCoverage { kind } registrations { status } } }
query Rankings($campaignId: ID!, $year: Int!, $after: String) { campaign(id: $campaignId) { rankings(year: $year, after: $after) { totalCount hasNextPage endCursor entries { rank } } } }
query Reporting($campaignId: ID!, $year: Int!) { campaign(id: $campaignId) { reportingProgress(year: $year) { deadline } } }
query Awards($campaignId: ID!, $year: Int!) { campaign(id: $campaignId) { awardees(year: $year) { awardeeName } } }
query Extra { campaigns { id } }`;

const PAGES = 3;
const UNITS = 1_050;
const entry = (i: number) => ({ rank: i + 1, unit: { name: `UBND phường ${i + 1}` }, unitKind: 'WARD_PC', total: 100 - (i % 100), maxPoints: 100, percent: 100 - (i % 100), classification: i % 100 < 30 ? 'Đạt (trên 70% điểm)' : 'Chưa đạt (từ 70% điểm trở xuống)', passes: i % 100 < 30 });

/** Answers of the city summary's parts, each after a delay of its own; records what was asked, and how many at once. */
function fakeGraph(delays: Record<string, number>, fail: Record<string, string> = {}) {
  const asked: Array<{ name: string; after: unknown }> = [];
  let running = 0;
  let most = 0;
  const answer = (name: string, after: string | null): unknown => {
    if (name === 'Campaign') return { campaign: { name: 'Phong trào', jurisdiction: { name: 'Thành phố Buôn Ma Thuột' }, leadAgency: { name: 'Phòng Văn hóa và Thông tin', parent: { name: 'UBND thành phố Buôn Ma Thuột' } }, unitPlanCoverage: [{ kind: null, expected: UNITS, submitted: 10, onTime: 9, percent: 0.95 }], registrations: [{ status: 'SUBMITTED' }] } };
    if (name === 'Rankings') {
      const page = after === null ? 0 : Number(after.slice(1));
      const size = Math.ceil(UNITS / PAGES);
      const entries = Array.from({ length: Math.min(size, UNITS - page * size) }, (_, k) => entry(page * size + k));
      return { campaign: { rankings: { totalCount: UNITS, hasNextPage: page + 1 < PAGES, endCursor: `c${page + 1}`, entries } } };
    }
    if (name === 'Reporting') return { campaign: { reportingProgress: { deadline: '2025-12-10', rates: [{ unitKind: null, expected: UNITS, submitted: 3, onTime: 2, late: 1, completeness: 0.29, timeliness: 0.19 }], missingUnits: [{ name: 'UBND phường 4' }] } } };
    if (name === 'Awards') return { campaign: { awardees: [{ awardeeName: 'UBND phường 1', collective: true, form: { name: 'Giấy khen' }, decision: { number: '1/QĐ', date: '2025-12-20' } }] } };
    return { campaigns: [{ id: 'x' }] };
  };
  const graph = {
    query: async (query: string, variables: Record<string, unknown> = {}) => {
      const name = /^query (\w+)/.exec(query)?.[1] ?? '';
      asked.push({ name, after: variables.after });
      running++;
      most = Math.max(most, running);
      try {
        await new Promise((r) => setTimeout(r, delays[name] ?? 1));
        if (fail[name]) throw new AppError('SERVICE_UNAVAILABLE', fail[name], {}, 503);
        return answer(name, (variables.after as string | null | undefined) ?? null);
      } finally {
        running--;
      }
    },
  } as unknown as GraphClient;
  return { graph, asked, most: () => most };
}

describe('the operations of a report definition', () => {
  it('are asked at the same time up to the limit, the pages of one after each other, and merged in the document’s order', async () => {
    const slowFirst = fakeGraph({ Campaign: 40, Rankings: 15, Reporting: 5, Awards: 1, Extra: 1 });
    const slowLast = fakeGraph({ Campaign: 1, Rankings: 1, Reporting: 1, Awards: 30, Extra: 50 });
    const one = fakeGraph({ Campaign: 40, Rankings: 15, Reporting: 5, Awards: 1, Extra: 1 });
    const vars = { campaignId: 'c', year: 2025, asOf: '2025-12-31' };
    const parallel = await runOperations(slowFirst.graph, DOCUMENT, vars, { concurrency: 3 });
    const other = await runOperations(slowLast.graph, DOCUMENT, vars, { concurrency: 4 });
    const sequential = await runOperations(one.graph, DOCUMENT, vars, { concurrency: 1 });
    expect(slowFirst.most()).toBe(3);
    expect(one.most()).toBe(1);
    // Whatever order the answers come in, the merged answer is the same, keys in the same order.
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(sequential));
    expect(JSON.stringify(other)).toBe(JSON.stringify(sequential));
    expect((parallel as { campaign: { rankings: { entries: unknown[] } } }).campaign.rankings.entries).toHaveLength(UNITS);
    // Pages in order, each after the previous page's cursor.
    expect(slowFirst.asked.filter((a) => a.name === 'Rankings').map((a) => a.after)).toEqual([null, 'c1', 'c2']);
    // The same data gives the same workbook, byte for byte.
    const ctx = { year: 2025, recipient: 'UBND tỉnh', reportName: 'Báo cáo' };
    const a = await renderXlsx(citySummary(parallel as CitySummaryData, ctx), '2025-12-13');
    await new Promise((r) => setTimeout(r, 2_100));
    const b = await renderXlsx(citySummary(other as CitySummaryData, ctx), '2025-12-13');
    expect(a.equals(b)).toBe(true);
  });

  it('reports each answered operation once, one report after the other, the count rising to the total', async () => {
    const { graph } = fakeGraph({ Campaign: 30, Rankings: 1, Reporting: 20, Awards: 1, Extra: 10 });
    const seen: number[] = [];
    let busy = false;
    await runOperations(graph, DOCUMENT, { campaignId: 'c', year: 2025 }, {
      concurrency: 4,
      onAnswered: async (done, total) => {
        expect(busy).toBe(false);
        busy = true;
        await new Promise((r) => setTimeout(r, 5));
        seen.push(Math.floor((40 * done) / total));
        busy = false;
      },
    });
    expect(seen).toEqual([8, 16, 24, 32, 40]);
  });

  it('fails with the error of the earliest failing operation, as one by one, and starts none after it', async () => {
    // Awards fails at once, Reporting (earlier in the document) fails later: Reporting's error, as asked one by one;
    // Extra, after Awards in the document, is not asked once Awards has failed (the others answer long after that).
    const { graph, asked } = fakeGraph({ Campaign: 300, Rankings: 300, Reporting: 400, Awards: 1, Extra: 1 }, { Reporting: 'Không lấy được dữ liệu (báo cáo)', Awards: 'Không lấy được dữ liệu (khen thưởng)' });
    await expect(runOperations(graph, DOCUMENT, { campaignId: 'c', year: 2025 }, { concurrency: 4 })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'Không lấy được dữ liệu (báo cáo)' });
    expect(asked.map((a) => a.name)).not.toContain('Extra');
  });
});

describe('inOrderPool', () => {
  it('keeps the items’ order in its results and never runs more than the limit', async () => {
    let running = 0;
    let most = 0;
    const out = await inOrderPool([30, 1, 20, 5, 1, 10], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(await inOrderPool([], 4, async () => 1)).toEqual([]);
  });
});
