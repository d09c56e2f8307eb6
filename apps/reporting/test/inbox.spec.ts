import http from 'node:http';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, freePort, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';
import { loadReportingSettings } from '../src/config';
import { sign } from '../src/delivery/delivery.rules';

const SECRET = 'khoa-bi-mat-chung-bmt-voi-tinh-dak-lak-2024';
const OTHER_SECRET = 'khoa-bi-mat-cua-thanh-pho-khac-it-nhat-32-ky-tu';
const BMT_NAME = 'UBND thành phố Buôn Ma Thuột';
const PROVINCE_REPORT = presetId('ReportDefinition', 'BMT-BC-TINH');

type Received = {
  id: string;
  sender: { code: string; name: string };
  deliveryId: string;
  reportCode: string;
  reportName: string;
  period: string;
  receivedAt: string;
  signatureVerified: boolean;
  documents: Array<{ name: string; mimeType: string; base64: string }>;
};
const RECEIVED = 'id sender { code name } deliveryId reportCode reportName period receivedAt signatureVerified documents { name mimeType base64 }';
type Run = { id: string; status: string; documents: Array<{ name: string; base64: string }>; deliveries: Array<{ id: string; channel: string; status: string; history: Array<{ ok: boolean; detail: string }> }> };

/** A post as it crossed the wire. */
type Post = { headers: http.IncomingHttpHeaders; body: string };

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The network between the city and the province: forwards every post unchanged to the province's gateway (known
 * only once it runs) and keeps a copy, as a capture on the wire would.
 */
async function startWire() {
  const posts: Post[] = [];
  let target = '';
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      posts.push({ headers: req.headers, body });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
      fetch(target, { method: 'POST', headers, body })
        .then(async (r) => res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' }).end(await r.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/inbox/reports`,
    posts,
    to: (url: string) => {
      target = url;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeEachDatabase('the province receives signed reports (inbox)', (db) => {
  let stack: TestStack;
  let wire: Awaited<ReturnType<typeof startWire>>;
  let lead: string;
  let province: string;
  let inbox: string;
  beforeAll(async () => {
    wire = await startWire();
    // One deployment as both ends: the city (PROVINCE_SENDER_CODE BMT) sends to the province's /inbox/reports,
    // which accepts BMT and Đà Nẵng with their own secrets.
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: {
        REDIS_URL: '',
        PROVINCE_ENDPOINT: wire.url,
        PROVINCE_HMAC_SECRET: SECRET,
        PROVINCE_SENDER_CODE: 'BMT',
        INBOX_SENDERS: JSON.stringify({ BMT: { name: BMT_NAME, secret: SECRET }, DN: { name: 'UBND thành phố Đà Nẵng', secret: OTHER_SECRET } }),
      },
    });
    inbox = `${stack.origin}/inbox/reports`;
    wire.to(inbox);
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    province = await stack.token('PROVINCE');
  });
  afterAll(async () => {
    await stack?.close();
    await wire?.close();
  });

  const received = async (token = province, vars: { year?: number; sender?: string } = {}) =>
    (await gqlOk<{ receivedReports: Received[] }>(stack.url, `query($y: Int, $s: String) { receivedReports(year: $y, sender: $s) { ${RECEIVED} } }`, { y: vars.year ?? null, s: vars.sender ?? null }, token)).receivedReports;
  const post = (headers: Record<string, string>, body: string) => fetch(inbox, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (secret: string, body: string, sender: string, key: string, at = Math.floor(Date.now() / 1000)) => ({
    'x-thidua-signature': sign(secret, String(at), body),
    'x-thidua-timestamp': String(at),
    'x-thidua-sender': sender,
    'idempotency-key': key,
  });

  it('stores a delivered report run once, verified, with its files; refuses forged, stale and unknown posts', async () => {
    expect(await received()).toEqual([]);
    const requested = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: PROVINCE_REPORT }, lead);
    const run = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { id status documents { name base64 } deliveries { id channel status history { ok detail } } } }', { id: requested.requestReportRun.id }, lead)).reportRun,
      (r) => r.status === 'FAILED' || (r.status === 'SUCCEEDED' && r.deliveries.length === 1 && r.deliveries[0]?.status !== 'PENDING'),
    );
    expect(run.status).toBe('SUCCEEDED');
    const delivery = run.deliveries[0];
    expect(delivery).toMatchObject({ channel: 'HTTP', status: 'SENT' });
    // The sender's record holds the province's answer: received, with the id it was filed under.
    expect(delivery?.history.at(-1)?.detail).toMatch(/^HTTP 200 \{"received":true,"id":"[0-9a-f-]{36}"\}$/);

    // On the wire: the sender is named in a header and in the signed body.
    expect(wire.posts).toHaveLength(1);
    const sent = wire.posts[0] as Post;
    expect(sent.headers['x-thidua-sender']).toBe('BMT');
    expect(JSON.parse(sent.body)).toMatchObject({ deliveryId: delivery?.id, sender: 'BMT' });

    const list = await received(province, { year: 2024 });
    expect(list).toHaveLength(1);
    const report = list[0] as Received;
    expect(report).toMatchObject({ sender: { code: 'BMT', name: BMT_NAME }, deliveryId: delivery?.id, reportCode: 'BMT-BC-TINH', period: '2024', signatureVerified: true });
    expect(Date.now() - Date.parse(report.receivedAt)).toBeLessThan(10 * 60_000);
    expect(report.documents.map((d) => d.name).sort()).toEqual(run.documents.map((d) => d.name).sort());
    const docx = Buffer.from(report.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '', 'base64');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    // Byte for byte what the city filed.
    expect(docx.equals(Buffer.from(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '', 'base64'))).toBe(true);
    expect(report.documents.find((d) => d.name.endsWith('.docx'))?.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // One report's files, as the web page downloads them.
    const one = await gqlOk<{ receivedReport: { id: string; documents: Array<{ name: string; base64: string }> } | null }>(stack.url, 'query($id: ID!) { receivedReport(id: $id) { id documents { name base64 } } }', { id: report.id }, province);
    expect(one.receivedReport?.documents.map((d) => [d.name, d.base64])).toEqual(report.documents.map((d) => [d.name, d.base64]));
    const xlsx = Buffer.from(one.receivedReport?.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    // Filtered: another year, another sender: nothing.
    expect(await received(province, { year: 2023 })).toEqual([]);
    expect(await received(province, { sender: 'DN' })).toEqual([]);
    expect((await received(province, { sender: 'BMT' })).map((r) => r.id)).toEqual([report.id]);

    // The same delivery again (a retry after a lost answer, signed anew): answered with the first id, stored once.
    const key = String(delivery?.id);
    const again = await post(signed(SECRET, sent.body, 'BMT', key), sent.body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, id: report.id });
    // And replayed exactly as it first came (within the ten minutes): the same.
    const replay = await post({ 'x-thidua-signature': String(sent.headers['x-thidua-signature']), 'x-thidua-timestamp': String(sent.headers['x-thidua-timestamp']), 'x-thidua-sender': 'BMT', 'idempotency-key': key }, sent.body);
    expect(await replay.json()).toEqual({ received: true, id: report.id });

    // A tampered body under the original signature; a post signed with another city's secret; one signed eleven
    // minutes ago; an unknown sender; no signature at all: refused with the code, nothing stored.
    const forged = JSON.parse(sent.body) as { deliveryId: string; report: { name: string } };
    forged.deliveryId = 'gia-mao-1';
    forged.report.name = 'Báo cáo giả mạo';
    const forgedBody = JSON.stringify(forged);
    const refusals: Array<[Record<string, string>, string, number, string]> = [
      [{ 'x-thidua-signature': String(sent.headers['x-thidua-signature']), 'x-thidua-timestamp': String(sent.headers['x-thidua-timestamp']), 'x-thidua-sender': 'BMT', 'idempotency-key': 'gia-mao-1' }, forgedBody, 401, 'INBOX_SIGNATURE_INVALID'],
      [signed(OTHER_SECRET, forgedBody, 'BMT', 'gia-mao-1'), forgedBody, 401, 'INBOX_SIGNATURE_INVALID'],
      [signed(SECRET, forgedBody, 'BMT', 'gia-mao-1', Math.floor(Date.now() / 1000) - 11 * 60), forgedBody, 401, 'INBOX_SIGNATURE_INVALID'],
      [signed(SECRET, forgedBody, 'HN', 'gia-mao-1'), forgedBody, 401, 'INBOX_SENDER_UNKNOWN'],
      [{ 'x-thidua-sender': 'BMT', 'idempotency-key': 'gia-mao-1' }, forgedBody, 401, 'INBOX_SIGNATURE_INVALID'],
      // BMT's body, signed by Đà Nẵng with its own secret: the body names another sender.
      [signed(OTHER_SECRET, forgedBody, 'DN', 'gia-mao-1'), forgedBody, 401, 'INBOX_SENDER_UNKNOWN'],
      // Correctly signed, but not a report: 400.
      [signed(SECRET, '{"deliveryId":"gia-mao-1"}', 'BMT', 'gia-mao-1'), '{"deliveryId":"gia-mao-1"}', 400, 'INBOX_BODY_INVALID'],
      [signed(SECRET, 'không phải JSON', 'BMT', 'gia-mao-1'), 'không phải JSON', 400, 'INBOX_BODY_INVALID'],
    ];
    for (const [headers, body, status, code] of refusals) {
      const res = await post(headers, body);
      const answer = (await res.json()) as { received: boolean; errors: Array<{ message: string; extensions: { code: string } }> };
      expect([res.status, answer.received, answer.errors[0]?.extensions.code]).toEqual([status, false, code]);
      // Said in Vietnamese.
      expect(answer.errors[0]?.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
    const after = await received();
    expect(after.map((r) => [r.id, r.reportName])).toEqual([[report.id, report.reportName]]);
    expect(JSON.stringify(after)).not.toContain('giả mạo');

    // Đà Nẵng's own delivery, signed with its secret: filed under Đà Nẵng.
    const dnBody = JSON.stringify({ ...JSON.parse(sent.body), sender: 'DN', deliveryId: 'dn-0001' });
    const dn = await post(signed(OTHER_SECRET, dnBody, 'DN', 'dn-0001'), dnBody);
    expect(dn.status).toBe(200);
    expect((await received(province, { sender: 'DN' })).map((r) => [r.sender.name, r.deliveryId, r.signatureVerified])).toEqual([['UBND thành phố Đà Nẵng', 'dn-0001', true]]);
    expect(await received(province, { year: 2024 })).toHaveLength(2);
  });

  it('shows received reports only to the province and the administrator', async () => {
    expect(errorCodes(await gql(stack.url, '{ receivedReports { id } }', {}, lead))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(stack.url, '{ receivedReports { id } }', {}, await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'))))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(stack.url, '{ receivedReports { id } }', {}))).toEqual(['UNAUTHENTICATED']);
    expect((await gqlOk<{ receivedReports: unknown[] }>(stack.url, '{ receivedReports { id } }', {}, await stack.token('ADMIN'))).receivedReports).toHaveLength(2);
  });
});

describe('INBOX_SENDERS and PROVINCE_SENDER_CODE at boot', () => {
  const messages = (env: NodeJS.ProcessEnv): string => {
    try {
      loadReportingSettings(env);
      return '';
    } catch (err) {
      return String((err as Error & { problems?: string[] }).problems ?? (err as Error).message);
    }
  };
  it('reads the senders and refuses a short secret, an unreadable value or a bad code with a Vietnamese message', () => {
    expect(loadReportingSettings({ INBOX_SENDERS: JSON.stringify({ BMT: { name: BMT_NAME, secret: SECRET } }), PROVINCE_SENDER_CODE: 'DN' })).toMatchObject({
      inboxSenders: [{ code: 'BMT', name: BMT_NAME, secret: SECRET }],
      delivery: { senderCode: 'DN' },
    });
    expect(loadReportingSettings({ INBOX_SENDERS: '' }).inboxSenders).toEqual([]);
    expect(messages({ INBOX_SENDERS: JSON.stringify({ BMT: { name: BMT_NAME, secret: 'ngan' } }) })).toContain('INBOX_SENDERS.BMT.secret: khóa bí mật: ít nhất 32 ký tự');
    expect(messages({ INBOX_SENDERS: '{BMT: ' })).toContain('INBOX_SENDERS: không phải JSON hợp lệ');
    expect(messages({ INBOX_SENDERS: JSON.stringify({ 'Buôn Ma Thuột': { name: BMT_NAME, secret: SECRET } }) })).toContain('mã bên gửi');
    expect(messages({ INBOX_SENDERS: JSON.stringify({ BMT: { secret: SECRET, key: 'x' } }) })).toBe(['INBOX_SENDERS.BMT.name: tên bên gửi: bắt buộc', 'INBOX_SENDERS.BMT: không dùng key (chỉ name và secret)'].join(','));
    expect(messages({ INBOX_SENDERS: '[]' })).toContain('INBOX_SENDERS: phải là một đối tượng JSON');
    expect(messages({ PROVINCE_SENDER_CODE: 'có dấu cách' })).toContain('PROVINCE_SENDER_CODE: mã bên gửi');
  });
});
