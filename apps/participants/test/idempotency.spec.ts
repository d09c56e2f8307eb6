import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

// A mutation sent with an Idempotency-Key through the gateway (libs/platform idempotency.ts). createPerson has no
// natural key: without the header, sending it twice records two people; with it, once.
const CREATE = 'mutation($i: PersonInput!) { createPerson(input: $i) { id fullName residence } }';
type Created = { createPerson: { id: string; fullName: string; residence: string | null } };

describeEachDatabase('a mutation repeated with the same Idempotency-Key is made once', (db) => {
  let stack: TestStack;
  let tanAn: string;
  let eaTam: string;
  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    tanAn = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'), { subject: 'tanan.vanthu' });
    eaTam = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-EA-TAM'), { subject: 'eatam.vanthu' });
  });
  afterAll(() => stack?.close());

  const create = (fullName: string, token: string, key?: string, residence = 'Thành phố Melbourne, Úc') =>
    gql<Created>(stack.url, CREATE, { i: { fullName, kind: 'OVERSEAS_VIETNAMESE', residence } }, token, key ? { 'idempotency-key': key } : {});
  const count = async (search: string, token: string) => (await gqlOk<{ people: unknown[] }>(stack.url, 'query($s: String) { people(search: $s) { id } }', { s: search }, token)).people.length;

  it('answers a repeat with the first answer and records one person; without a key a repeat is a second person', async () => {
    const first = await create('Lê Thị Khánh Vân', tanAn, 'tao-nguoi-0001');
    expect(errorCodes(first)).toEqual([]);
    const again = await create('Lê Thị Khánh Vân', tanAn, 'tao-nguoi-0001');
    expect(errorCodes(again)).toEqual([]);
    expect(again.data?.createPerson).toEqual(first.data?.createPerson);
    expect(await count('Khánh Vân', tanAn)).toBe(1);
    // The gateway passes on the subgraph's word that the repeat got the first answer, not a new run.
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // The same request without a key is a new request each time.
    expect(errorCodes(await create('Phạm Quốc Bảo', tanAn))).toEqual([]);
    expect(errorCodes(await create('Phạm Quốc Bảo', tanAn))).toEqual([]);
    expect(await count('Quốc Bảo', tanAn)).toBe(2);
  });

  it('refuses the same key for different variables, changing nothing; keys are per account', async () => {
    expect(errorCodes(await create('Nguyễn Hữu Tâm', tanAn, 'tao-nguoi-0002'))).toEqual([]);
    const other = await create('Nguyễn Hữu Tâm', tanAn, 'tao-nguoi-0002', 'Thành phố Paris, Pháp');
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(other.errors[0]?.message).toMatch(/Khoá chống gửi trùng này đã được dùng cho một thao tác khác/);
    expect(await count('Hữu Tâm', tanAn)).toBe(1);

    // Another account's key of the same value is its own.
    expect(errorCodes(await create('Nguyễn Hữu Tâm', eaTam, 'tao-nguoi-0002'))).toEqual([]);
    expect(await count('Hữu Tâm', eaTam)).toBe(1);
  });

  it('keeps no key for a mutation that failed: repeating it runs it again', async () => {
    const refused = await create('', tanAn, 'tao-nguoi-0003');
    expect(errorCodes(refused)).not.toEqual([]);
    expect(errorCodes(refused)).not.toContain('IDEMPOTENCY_KEY_REUSED');
    // The failed request left no key: repeated, it runs again and is refused for its own reason again.
    expect(errorCodes(await create('', tanAn, 'tao-nguoi-0003'))).toEqual(errorCodes(refused));
  });

  it('makes two racing requests with one key once', async () => {
    const [a, b] = await Promise.all([create('Đỗ Minh Châu', tanAn, 'tao-nguoi-0004'), create('Đỗ Minh Châu', tanAn, 'tao-nguoi-0004')]);
    const outcomes = [a, b].map((r) => (r.errors.length ? errorCodes(r).join() : 'ok'));
    // Both answered with the person, or one of them told the other is being made; never two people.
    expect(outcomes.every((o) => o === 'ok' || o === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(outcomes).toContain('ok');
    expect(await count('Minh Châu', tanAn)).toBe(1);
  });

  it('refuses a malformed key with HTTP 400 and a Vietnamese message, before anything runs', async () => {
    const r = await create('Vũ Thị Lan', tanAn, 'ngan');
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toEqual(['IDEMPOTENCY_KEY_INVALID']);
    expect(r.errors[0]?.message).toMatch(/từ 8 đến 128 ký tự/);
    expect(await count('Thị Lan', tanAn)).toBe(0);
  });
});
