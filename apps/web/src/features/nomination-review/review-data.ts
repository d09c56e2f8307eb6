// Nội vụ's dossier pipeline and appraisal, the public consultation, and the lead agency's review: what the pages read
// and the steps they take. Every step answers with the whole nomination (one fragment), so the page stays current.
import { graphql } from '../../gql';
import type { NominationStatus, NominationDossierQuery, NominationPipelineQuery } from '../../gql/graphql';
import { spreads } from '../../lib/graphql-runtime';
import { NominationCandidateFields, NominationCandidateHeading, NominationDossierFields, NominationEligibilityFields } from '../nomination/nomination-fragments';

/** A nomination as a line of the pipeline. */
export const ReviewNominationRow = graphql(`
  fragment ReviewNominationRowFields on Nomination {
    id
    status
    nominationDate
    submittedAt
    version
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
    ...NominationCandidateHeading
  }
`);

/** The nomination as Nội vụ (or the lead agency) reads it: the whole dossier, its history and the consultation. */
export const ReviewNominationDetail = graphql(`
  fragment ReviewNominationDetailFields on Nomination {
    ...ReviewNominationRowFields
    achievementSummary
    pendingProceedings
    returnReason
    rejectionReason
    campaign {
      id
      name
      awardRules {
        leadReviewRequired
      }
    }
    ...NominationCandidateFields
    ...NominationEligibilityFields
    ...NominationDossierFields
    history {
      action
      fromStatus
      toStatus
      reason
      actorId
      at
    }
    consultation {
      consultationId
      startsOn
      endsOn
      status
      comments
      objections
      unanswered
      summary
      entries {
        id
        kind
        authorName
        content
        submittedAt
        answer
        answeredAt
        published
      }
    }
  }
`);

spreads(ReviewNominationRow, ReviewNominationDetail, NominationCandidateHeading, NominationCandidateFields, NominationEligibilityFields, NominationDossierFields);

/** The campaign's occasions and forms, for the pickers and filters. */
export const ReviewCampaignQuery = graphql(`
  query ReviewCampaign($id: ID!) {
    campaign(id: $id) {
      id
      name
      awardRules {
        leadReviewRequired
        consultationDays
        consultationStage
      }
      occasions {
        id
        name
        year
        kind
      }
      awardForms {
        id
        name
      }
    }
  }
`);

export const ReviewPipelineQuery = graphql(`
  query NominationPipeline($campaignId: ID!, $occasionId: ID, $status: NominationStatus) {
    nominations(campaignId: $campaignId, occasionId: $occasionId, status: $status) {
      ...ReviewNominationRowFields
    }
  }
`);

export const ReviewNominationQuery = graphql(`
  query NominationDossier($id: ID!) {
    nomination(id: $id) {
      ...ReviewNominationDetailFields
    }
  }
`);

export const ConfirmDossierItemMutation = graphql(`
  mutation ReviewConfirmDossierItem($id: ID!, $kind: DocumentKind!) {
    confirmDossierItem(nominationId: $id, kind: $kind) {
      ...ReviewNominationDetailFields
    }
  }
`);

export const AppraiseNominationMutation = graphql(`
  mutation ReviewAppraiseNomination($id: ID!, $version: Int!, $accept: Boolean!, $reason: String, $items: [DocumentKind!]) {
    appraiseNomination(id: $id, expectedVersion: $version, accept: $accept, reason: $reason, confirmedItems: $items) {
      ...ReviewNominationDetailFields
    }
  }
`);

export const RejectNominationMutation = graphql(`
  mutation ReviewRejectNomination($id: ID!, $version: Int!, $reason: String!) {
    rejectNomination(id: $id, expectedVersion: $version, reason: $reason) {
      ...ReviewNominationDetailFields
    }
  }
`);

export const LeadReviewNominationMutation = graphql(`
  mutation ReviewLeadReviewNomination($id: ID!, $version: Int!, $forward: Boolean!, $reason: String) {
    leadReviewNomination(id: $id, expectedVersion: $version, forward: $forward, reason: $reason) {
      ...ReviewNominationDetailFields
    }
  }
`);

/** The consultations of a campaign, with their nominees (what the public page shows). */
export const ReviewConsultationsQuery = graphql(`
  query ReviewConsultations($campaignId: ID!) {
    publicConsultations(campaignId: $campaignId) {
      id
      startsOn
      endsOn
      status
      occasion {
        id
        name
      }
      nominees {
        nominationId
        collective
        name
        jobTitle
        unitName
        formName
        proposingUnitName
      }
    }
  }
`);

/** Every comment of a consultation, with the sender's contact (Nội vụ only). */
export const ReviewConsultationCommentsQuery = graphql(`
  query ReviewConsultationComments($consultationId: ID!) {
    consultationComments(consultationId: $consultationId) {
      id
      nominationId
      kind
      authorName
      contact
      content
      submittedAt
      answer
      answeredAt
      published
      version
    }
  }
`);

export const OpenConsultationMutation = graphql(`
  mutation ReviewOpenConsultation($occasionId: ID!, $nominationIds: [ID!]!, $startsOn: Date!, $endsOn: Date) {
    openConsultation(occasionId: $occasionId, nominationIds: $nominationIds, startsOn: $startsOn, endsOn: $endsOn) {
      id
      startsOn
      endsOn
      status
    }
  }
`);

export const AnswerConsultationCommentMutation = graphql(`
  mutation ReviewAnswerConsultationComment($id: ID!, $version: Int!, $answer: String!, $publish: Boolean!) {
    answerConsultationComment(id: $id, expectedVersion: $version, answer: $answer, publish: $publish) {
      id
      answer
      answeredAt
      published
      version
    }
  }
`);

export type PipelineRow = NominationPipelineQuery['nominations'][number];
export type NominationDetail = NonNullable<NominationDossierQuery['nomination']>;

/** The pipeline's summary groups (MISA-style cards): each a set of states. */
export const STATUS_GROUPS: Array<{ key: string; title: string; statuses: NominationStatus[]; tone?: 'warning' | 'success' }> = [
  { key: 'de-xuat', title: 'Đề xuất', statuses: ['SUBMITTED', 'FORWARDED', 'RETURNED', 'APPRAISED', 'IN_COUNCIL', 'RECOMMENDED', 'DECIDED', 'REJECTED'] },
  { key: 'dang-xu-ly', title: 'Đang xử lý', statuses: ['SUBMITTED', 'FORWARDED'], tone: 'warning' },
  { key: 'dat', title: 'Đạt', statuses: ['APPRAISED', 'IN_COUNCIL', 'RECOMMENDED', 'DECIDED'], tone: 'success' },
  { key: 'khong-dat', title: 'Không đạt', statuses: ['RETURNED', 'REJECTED'] },
];

/** The states in the order a dossier goes through them (the pipeline's state filter). */
export const PIPELINE_ORDER: NominationStatus[] = ['SUBMITTED', 'FORWARDED', 'RETURNED', 'APPRAISED', 'IN_COUNCIL', 'RECOMMENDED', 'DECIDED', 'REJECTED'];

/** The state filter in the address, in words rather than codes (?trangThai=da-tham-dinh). */
export const STATUS_SLUGS: Record<NominationStatus, string> = {
  DRAFT: 'ban-nhap',
  SUBMITTED: 'da-trinh',
  FORWARDED: 'da-chuyen-noi-vu',
  RETURNED: 'bi-tra-lai',
  APPRAISED: 'da-tham-dinh',
  IN_COUNCIL: 'dang-xet-hoi-dong',
  RECOMMENDED: 'hoi-dong-de-nghi',
  DECIDED: 'da-co-quyet-dinh',
  REJECTED: 'khong-khen-thuong',
};
