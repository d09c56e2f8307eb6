import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

const PERSON = 'id version fullName kind residence unit { id }';
type P = { id: string; version: number; fullName: string; kind: string; residence: string | null; unit: { id: string } | null };

describeEachDatabase('a unit officer records a person outside every unit to nominate them', (db) => {
  let stack: TestStack;
  let tanAn: string;
  let eaTam: string;
  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    tanAn = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'));
    eaTam = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-EA-TAM'));
  });
  afterAll(() => stack?.close());

  const create = (input: Record<string, unknown>, token: string) => gql<{ createPerson: P }>(stack.url, `mutation($i: PersonInput!) { createPerson(input: $i) { ${PERSON} } }`, { i: input }, token);
  const read = async (id: string, token: string) => (await gqlOk<{ person: P | null }>(stack.url, `query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id }, token)).person;

  it('records an overseas Vietnamese person, reads and corrects the record; another unit neither reads nor changes it', async () => {
    const input = { fullName: 'Trần Minh Khoa', kind: 'OVERSEAS_VIETNAMESE', residence: 'Thành phố Melbourne, Úc', dateOfBirth: '1979-05-20', gender: 'MALE', homeTown: 'Phường Tân An, tỉnh Đắk Lắk' };
    const created = await create(input, tanAn);
    expect(errorCodes(created)).toEqual([]);
    const person = created.data?.createPerson as P;
    expect(person).toMatchObject({ fullName: 'Trần Minh Khoa', kind: 'OVERSEAS_VIETNAMESE', unit: null });

    // The recording unit finds the person (by id and in its list); another ward does not.
    expect(await read(person.id, tanAn)).toMatchObject({ id: person.id });
    const list = await gqlOk<{ people: P[] }>(stack.url, `query { people(search: "Khoa") { ${PERSON} } }`, {}, tanAn);
    expect(list.people.map((p) => p.id)).toEqual([person.id]);
    expect(await read(person.id, eaTam)).toBeNull();
    expect((await gqlOk<{ people: P[] }>(stack.url, `query { people(search: "Khoa") { ${PERSON} } }`, {}, eaTam)).people).toEqual([]);

    // The recording unit corrects the record; another unit is refused and nothing changes.
    const update = (token: string) =>
      gql<{ updatePerson: P }>(stack.url, `mutation($id: ID!, $v: Int!, $i: PersonInput!) { updatePerson(id: $id, expectedVersion: $v, input: $i) { ${PERSON} } }`, { id: person.id, v: person.version, i: { ...input, residence: 'Thành phố Sydney, Úc' } }, token);
    expect(errorCodes(await update(eaTam))).toEqual(['FORBIDDEN']);
    const corrected = await update(tanAn);
    expect(errorCodes(corrected)).toEqual([]);
    expect(corrected.data?.updatePerson.residence).toBe('Thành phố Sydney, Úc');

    // A civil servant still belongs to a unit; an officer records one only for their own unit.
    expect(errorCodes(await create({ fullName: 'Lê Văn Tâm', kind: 'CIVIL_SERVANT' }, tanAn))).toEqual(['PERSON_UNIT_REQUIRED']);
    expect(errorCodes(await create({ fullName: 'Lê Văn Tâm', kind: 'CIVIL_SERVANT', unitId: presetId('OrgUnit', 'BMT-P-EA-TAM') }, tanAn))).toEqual(['FORBIDDEN_OTHER_UNIT']);
  });
});
