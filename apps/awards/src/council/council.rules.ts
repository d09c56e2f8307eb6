import type { VoteChoice } from './council.entity';

/** The count of one nomination's votes and whether it passes the council's threshold (R14). */
export interface Tally {
  members: number;
  recused: number;
  /** Members entitled to vote: every member who did not recuse. */
  voters: number;
  for: number;
  against: number;
  abstain: number;
  notVoted: number;
  /** FOR votes as a share of voters, in %, rounded to two decimals. */
  percentFor: number;
  passed: boolean;
}

/**
 * Count one nomination: recused members are out of both the count and the denominator (a vote they cast before
 * recusing is excluded); a member who did not vote counts against passing. No voters, no pass.
 */
export function tally(memberIds: string[], votes: Array<{ memberId: string; vote: VoteChoice }>, recusedIds: string[], passPercent: number): Tally {
  const recused = new Set(recusedIds.filter((id) => memberIds.includes(id)));
  const voters = memberIds.filter((id) => !recused.has(id));
  const counted = votes.filter((v) => voters.includes(v.memberId));
  const count = (c: VoteChoice) => counted.filter((v) => v.vote === c).length;
  const forVotes = count('FOR');
  const percentFor = voters.length ? Math.round((forVotes / voters.length) * 10_000) / 100 : 0;
  return {
    members: memberIds.length,
    recused: recused.size,
    voters: voters.length,
    for: forVotes,
    against: count('AGAINST'),
    abstain: count('ABSTAIN'),
    notVoted: voters.length - counted.length,
    percentFor,
    passed: voters.length > 0 && forVotes * 100 >= passPercent * voters.length,
  };
}
