import { decodeCursor, encodeCursor, inheritedPrevious, kindGroupOrder } from '../ranking/ranking.rules';

describe('ranking rules', () => {
  it('orders unit kinds by their codes, whatever order they are listed in', () => {
    expect(kindGroupOrder(['WARD_PC', 'COMMUNE_PC', 'DEPARTMENT'])).toEqual([
      ['COMMUNE_PC', 0],
      ['DEPARTMENT', 1],
      ['WARD_PC', 2],
    ]);
  });

  it('round-trips a cursor and refuses anything else', () => {
    const key = { group: 3, rank: 1201, unitId: '0f8e2a1c-9d3b-4c5e-8f7a-6b5c4d3e2f10' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(Buffer.from('r:12').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from("k:1:2:x' OR 1=1 --").toString('base64url'))).toBeNull();
    expect(decodeCursor('not a cursor')).toBeNull();
  });

  it("averages a merged unit's predecessors' results of last year", () => {
    expect(inheritedPrevious([60, 80])).toBe(70);
    expect(inheritedPrevious([70.333, 70])).toBe(70.17);
    expect(inheritedPrevious([])).toBeNull();
  });
});
