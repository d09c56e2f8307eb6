import { appendPage, nextCursor, pageInfoOf } from '../report/report.rules';

describe('paged report operations', () => {
  const page = (entries: number[], hasNextPage: boolean, endCursor: string | null) => ({ campaign: { rankings: { totalCount: 5, hasNextPage, endCursor, entries } } });

  it('finds the connection of an answer', () => {
    expect(pageInfoOf(page([1], true, 'c1'))).toEqual({ hasNextPage: true, endCursor: 'c1' });
    expect(pageInfoOf({ campaign: { name: 'x' } })).toBeNull();
    expect(pageInfoOf(null)).toBeNull();
  });

  it('appends the lists of the pages and keeps the last page info', () => {
    const all = [page([3, 4], true, 'c2'), page([5], false, 'c3')].reduce<unknown>((a, b) => appendPage(a, b), page([1, 2], true, 'c1'));
    expect(all).toEqual({ campaign: { rankings: { totalCount: 5, hasNextPage: false, endCursor: 'c3', entries: [1, 2, 3, 4, 5] } } });
  });

  it('asks the next page only while there is one, and refuses a cursor that does not move', () => {
    expect(nextCursor({ hasNextPage: true, endCursor: 'c2' }, 'c1')).toBe('c2');
    expect(nextCursor({ hasNextPage: false, endCursor: 'c2' }, 'c1')).toBeNull();
    expect(nextCursor(null, null)).toBeNull();
    expect(() => nextCursor({ hasNextPage: true, endCursor: 'c1' }, 'c1')).toThrow();
    expect(() => nextCursor({ hasNextPage: true, endCursor: null }, null)).toThrow();
  });
});
