// The Hội đồng Thi đua - Khen thưởng: Nội vụ convenes and runs its sessions; members read the agenda and vote.
import { graphql } from '../../gql';
import type { CouncilAgendaQuery as AgendaData, CouncilReviewQuery as ReviewData, CouncilSessionsQuery as SessionsData } from '../../gql/graphql';
import { spreads } from '../../lib/graphql-runtime';
import { NominationCandidateFields, NominationDossierFields, NominationEligibilityFields } from '../nomination/nomination-fragments';

spreads(NominationCandidateFields, NominationEligibilityFields, NominationDossierFields);

export const CouncilOccasionsQuery = graphql(`
  query CouncilOccasions($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      occasions {
        id
        name
        kind
        year
      }
    }
  }
`);

export const CouncilSessionsQuery = graphql(`
  query CouncilSessions($occasionId: ID!) {
    councilReviews(occasionId: $occasionId) {
      id
      name
      meetingDate
      place
      passPercent
      status
      members {
        id
        name
        position
        userId
      }
      items {
        nomination {
          id
          status
        }
        tally {
          passed
        }
      }
    }
  }
`);

export type CouncilSession = SessionsData['councilReviews'][number];

/** The sessions the signed-in member sits on (their own account), latest meeting first. */
export const MyCouncilSessionsQuery = graphql(`
  query MyCouncilSessions {
    myCouncilReviews {
      id
      name
      meetingDate
      place
      passPercent
      status
      occasion {
        id
        name
        campaign {
          id
          name
        }
      }
      members {
        id
        name
        position
        userId
      }
      items {
        nomination {
          id
        }
        votes {
          memberId
        }
        recusals {
          memberId
        }
      }
    }
  }
`);

/** Appraised nominations of an occasion: what Nội vụ may put on a session's agenda. */
export const AppraisedNominationsQuery = graphql(`
  query CouncilAppraisedNominations($campaignId: ID!, $occasionId: ID!) {
    nominations(campaignId: $campaignId, occasionId: $occasionId, status: APPRAISED) {
      id
      achievementSummary
      candidateUnit {
        id
        name
      }
      candidatePerson {
        id
        fullName
        position
      }
      form {
        id
        name
      }
      proposingUnit {
        id
        name
      }
    }
  }
`);

export const OpenCouncilReviewMutation = graphql(`
  mutation OpenCouncilReview($input: CouncilReviewInput!) {
    openCouncilReview(input: $input) {
      id
      name
    }
  }
`);

/** A session with its members, agenda, votes, recusals and the live count (polled while the meeting is open). */
export const CouncilReviewQuery = graphql(`
  query CouncilReview($id: ID!) {
    councilReview(id: $id) {
      id
      name
      meetingDate
      place
      passPercent
      status
      version
      occasion {
        id
        name
        year
        campaign {
          id
          code
          name
        }
      }
      members {
        id
        name
        position
        userId
      }
      items {
        nomination {
          id
          status
          rejectionReason
          candidateUnit {
            id
            name
          }
          candidatePerson {
            id
            fullName
            position
          }
          form {
            id
            name
          }
          proposingUnit {
            id
            name
          }
        }
        votes {
          memberId
          memberName
          vote
          at
        }
        recusals {
          memberId
          memberName
          reason
          recordedBy
          at
        }
        tally {
          members
          recused
          voters
          for
          against
          abstain
          notVoted
          percentFor
          passed
        }
      }
    }
  }
`);

export type CouncilReviewView = NonNullable<ReviewData['councilReview']>;
export type CouncilItemView = CouncilReviewView['items'][number];
export type CouncilMemberView = CouncilReviewView['members'][number];

/** The agenda's dossiers as a member reads them (read only): candidate, form, summary, eligibility, dossier items. */
export const CouncilAgendaQuery = graphql(`
  query CouncilAgenda($id: ID!) {
    councilReview(id: $id) {
      id
      items {
        nomination {
          id
          achievementSummary
          nominationDate
          submittedAt
          pendingProceedings
          occasion {
            id
            name
          }
          form {
            id
            name
          }
          proposingUnit {
            id
            name
          }
          ...NominationCandidateFields
          ...NominationEligibilityFields
          ...NominationDossierFields
        }
      }
    }
  }
`);

export type AgendaNomination = NonNullable<AgendaData['councilReview']>['items'][number]['nomination'];

/** The minutes (Biên bản) as Word, drafted from what is recorded so far (final once the session is closed). */
export const CouncilMinutesQuery = graphql(`
  query CouncilMinutes($id: ID!) {
    councilReview(id: $id) {
      id
      minutes {
        name
        mimeType
        base64
      }
    }
  }
`);

export const RecuseCouncilMemberMutation = graphql(`
  mutation RecuseCouncilMember($reviewId: ID!, $nominationId: ID!, $memberId: ID!, $reason: String!) {
    recuseCouncilMember(reviewId: $reviewId, nominationId: $nominationId, memberId: $memberId, reason: $reason) {
      id
      version
    }
  }
`);

export const CastCouncilVoteMutation = graphql(`
  mutation CastCouncilVote($reviewId: ID!, $nominationId: ID!, $memberId: ID!, $vote: VoteChoice!) {
    castCouncilVote(reviewId: $reviewId, nominationId: $nominationId, memberId: $memberId, vote: $vote) {
      id
      version
    }
  }
`);

export const CloseCouncilReviewMutation = graphql(`
  mutation CloseCouncilReview($id: ID!, $expectedVersion: Int!) {
    closeCouncilReview(id: $id, expectedVersion: $expectedVersion) {
      id
      status
      version
    }
  }
`);

/** How often an open session's count is refreshed on screen. */
export const LIVE_TALLY_MS = 3_000;

/** «Nguyễn Văn A» or the unit's name: who a nomination proposes. */
export function candidateOf(n: { candidateUnit?: { name: string } | null; candidatePerson?: { fullName: string } | null }): string {
  return n.candidateUnit?.name ?? n.candidatePerson?.fullName ?? 'Cá nhân (không xem được thông tin)';
}
