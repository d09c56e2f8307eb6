import { tally } from '../council/council.rules';

const members = ['a', 'b', 'c', 'd', 'e'];

describe('council tally', () => {
  it('leaves a recused member out of the count and the denominator, even when they voted first', () => {
    const t = tally(members, [{ memberId: 'a', vote: 'FOR' }, { memberId: 'b', vote: 'FOR' }, { memberId: 'c', vote: 'FOR' }, { memberId: 'd', vote: 'AGAINST' }, { memberId: 'e', vote: 'FOR' }], ['c'], 60);
    expect(t).toEqual({ members: 5, recused: 1, voters: 4, for: 3, against: 1, abstain: 0, notVoted: 0, percentFor: 75, passed: true });
  });

  it('passes exactly at the threshold, fails just below it, and counts a missing vote against passing', () => {
    expect(tally(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c'].map((memberId) => ({ memberId, vote: 'FOR' as const })), [], 60).passed).toBe(true);
    const below = tally(['a', 'b', 'c'], [{ memberId: 'a', vote: 'FOR' }, { memberId: 'b', vote: 'FOR' }], [], 70);
    expect(below).toMatchObject({ percentFor: 66.67, notVoted: 1, passed: false });
  });

  it('ignores votes of people who are not members, and never passes with nobody entitled to vote', () => {
    expect(tally(['a'], [{ memberId: 'x', vote: 'FOR' }], [], 50)).toMatchObject({ for: 0, passed: false });
    expect(tally(['a'], [{ memberId: 'a', vote: 'FOR' }], ['a'], 50)).toMatchObject({ voters: 0, passed: false });
  });
});
