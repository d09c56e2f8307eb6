import { performance } from 'node:perf_hooks';
import { loadGatewayConfig, startGateway } from '../../apps/gateway/src';
import { startParticipants } from '../../apps/participants/src';
import { gql, gqlOk, startStack, type DatabaseKind } from '../../libs/testing/src';

/**
 * `npm run bench`: the graph in-process on a fresh database, measured through the gateway's HTTP endpoint.
 * BENCH_DB=sqlite|mysql (default sqlite), BENCH_UNITS (default 1000 wards). Prints figures; asserts nothing.
 */
const db = (process.env.BENCH_DB ?? 'sqlite') as DatabaseKind;
const UNITS = Number(process.env.BENCH_UNITS ?? 1000);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(label: string, n: number, run: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} n=${String(n).padStart(5)}  p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  ${(
      (n / total) *
      1000
    ).toFixed(0).padStart(6)} req/s`,
  );
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
  console.log(`thidua bench on ${db}: stack with both presets ready in ${(performance.now() - t0).toFixed(0)} ms`);
  try {
    const admin = await stack.token('ADMIN');
    const dlk = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "DLK") { id } }')).orgUnit.id;
    const city = (
      await gqlOk<{ createOrgUnit: { id: string } }>(
        stack.url,
        'mutation($p: ID!) { createOrgUnit(input: { code: "BENCH-CITY", name: "UBND thành phố Thử Nghiệm", kind: CITY_PC, parentId: $p, validFrom: "2020-01-01" }) { id } }',
        { p: dlk },
        admin,
      )
    ).createOrgUnit.id;
    await measure(`createOrgUnit (write + version + change + audit)`, UNITS, (i) =>
      gqlOk(
        stack.url,
        'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2020-01-01" }) { id } }',
        { c: `BENCH-W-${i}`, n: `UBND phường Thử Nghiệm số ${i}`, p: city },
        admin,
      ),
    );
    const campaign = (
      await gqlOk<{ createCampaign: { id: string } }>(
        stack.url,
        `mutation($j: ID!) { createCampaign(input: { code: "BENCH-CAMPAIGN", name: "Phong trào thử nghiệm", issuerTitle: "UBND thành phố Thử Nghiệm",
          jurisdictionId: $j, startDate: "2024-01-01", endDate: "2030-12-31", leadAgencyId: $j, appraisingAgencyId: $j, expectedUnitKinds: [WARD_PC] }) { id } }`,
        { j: city },
        admin,
      )
    ).createCampaign.id;
    await gqlOk(stack.url, 'mutation($c: ID!) { addMilestone(campaignId: $c, input: { kind: UNIT_PLAN_DUE, title: "Gửi kế hoạch", dueDate: "2024-03-31" }) { id } }', { c: campaign }, admin);

    await measure('campaigns with phases and milestones (anonymous)', 300, () =>
      gqlOk(stack.url, '{ campaigns { code name phases { name } milestones { kind dueDate title recipient { name } } } }'),
    );
    await measure(`orgUnits page of 100 of ${UNITS} wards, as of today`, 200, (i) =>
      gqlOk(stack.url, 'query($p: ID!, $a: String) { orgUnits(parentId: $p, first: 100, after: $a) { totalCount edges { node { name parent { name } } } } }', {
        p: city,
        a: i % 5 === 0 ? null : Buffer.from(`o:${(i % 5) * 100 - 1}`).toString('base64url'),
      }),
    );
    await measure('orgUnits search by name, as of 2024-12-31', 200, (i) =>
      gqlOk(stack.url, 'query($q: String!) { orgUnits(asOf: "2024-12-31", search: $q, first: 20) { totalCount edges { node { name } } } }', { q: `số ${i % 50}` }),
    );
    await measure(`expectedUnits of a campaign (${UNITS} units)`, 50, () =>
      gqlOk(stack.url, 'query($c: ID!) { campaign(id: $c) { expectedUnits { id name } } }', { c: campaign }, admin),
    );
    await measure(`unitPlanCoverage of a campaign (${UNITS} units)`, 50, () =>
      gqlOk(stack.url, 'query($c: ID!) { campaign(id: $c) { unitPlanCoverage { kind expected submitted percent } } }', { c: campaign }, admin),
    );
    await measure('refused write (other unit, validation) — nothing written', 300, () =>
      gql(stack.url, 'mutation($p: ID!) { createOrgUnit(input: { code: "x y", name: "", kind: WARD_PC, parentId: $p }) { id } }', { p: city }, admin),
    );
    const mem = process.memoryUsage();
    console.log(`memory of this process (gateway + participants + client): rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
