import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

const PERSON = 'id version fullName dateOfBirth gender homeTown residence position';
type P = { id: string; version: number; fullName: string; dateOfBirth: string | null; gender: string | null; homeTown: string | null; residence: string | null; position: string | null };

describeEachDatabase("a person's details for the achievement report (Sơ lược lý lịch)", (db) => {
  let stack: TestStack;
  let homeAffairs: string;
  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu-1' });
  });
  afterAll(() => stack?.close());

  const unitId = presetId('OrgUnit', 'BMT-P-TAN-AN');
  const update = (p: P, input: Record<string, unknown>) =>
    gql<{ updatePerson: P }>(stack.url, `mutation($id: ID!, $v: Int!, $i: PersonInput!) { updatePerson(id: $id, expectedVersion: $v, input: $i) { ${PERSON} } }`, { id: p.id, v: p.version, i: input }, homeAffairs);

  it('records date of birth, gender and home town; keeps them when an edit does not send them; clears them with null; refuses an impossible date', async () => {
    const base = { fullName: 'Nguyễn Thị Hoa', kind: 'CIVIL_SERVANT', unitId, position: 'Phó Chủ tịch UBND phường', residence: 'Phường Tân An, tỉnh Đắk Lắk' };
    const created = (
      await gqlOk<{ createPerson: P }>(stack.url, `mutation($i: PersonInput!) { createPerson(input: $i) { ${PERSON} } }`, { i: { ...base, dateOfBirth: '1985-04-12', gender: 'FEMALE', homeTown: 'Xã Hòa Thắng, tỉnh Đắk Lắk' } }, homeAffairs)
    ).createPerson;
    expect(created).toMatchObject({ dateOfBirth: '1985-04-12', gender: 'FEMALE', homeTown: 'Xã Hòa Thắng, tỉnh Đắk Lắk' });

    // A form that shows only the other fields (the web's person form before this change) keeps the details.
    const renamed = (await update(created, { ...base, position: 'Chủ tịch UBND phường' })).data?.updatePerson as P;
    expect(renamed).toMatchObject({ position: 'Chủ tịch UBND phường', dateOfBirth: '1985-04-12', gender: 'FEMALE', homeTown: 'Xã Hòa Thắng, tỉnh Đắk Lắk' });

    // A date that does not exist (the Date scalar), or one in the future, is refused in Vietnamese and nothing changes.
    for (const [dateOfBirth, code] of [['1985-02-30', 'BAD_USER_INPUT'], ['2999-01-01', 'VALIDATION_FAILED']]) {
      const r = await update(renamed, { ...base, dateOfBirth });
      expect(errorCodes(r)).toEqual([code]);
      expect(r.errors[0]?.message).toMatch(/Ngày/);
    }
    const unchanged = await gqlOk<{ person: P }>(stack.url, `query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: created.id }, homeAffairs);
    expect(unchanged.person).toEqual(renamed);

    // null clears what was recorded (the report then prints a dotted line for the unit to fill in).
    const cleared = (await update(renamed, { ...base, dateOfBirth: null, gender: null, homeTown: null })).data?.updatePerson as P;
    expect(cleared).toMatchObject({ dateOfBirth: null, gender: null, homeTown: null, position: 'Phó Chủ tịch UBND phường' });
    expect(cleared.version).toBe(renamed.version + 1);
  });
});
