// The proposing unit's nominations: the list with quotas, what a new one needs, one nomination with its dossier.
import { graphql } from '../../gql';
import { spreads } from '../../lib/graphql-runtime';
import { NominationCandidateFields, NominationDossierFields, NominationEligibilityFields } from './nomination-fragments';

spreads(NominationCandidateFields, NominationEligibilityFields, NominationDossierFields);

/** A nomination as the unit's list shows it. */
export const UnitNominationRowFields = graphql(`
  fragment UnitNominationRowFields on Nomination {
    id
    status
    nominationDate
    submittedAt
    returnReason
    rejectionReason
    achievementSummary
    form {
      id
      name
    }
    occasion {
      id
      name
    }
    proposingUnit {
      id
    }
    candidateUnit {
      id
      name
    }
    candidatePerson {
      id
      fullName
    }
    eligibility {
      eligible
    }
    dossier {
      complete
    }
  }
`);

/** A nomination as its page shows it (and every change answers). */
export const UnitNominationFields = graphql(`
  fragment UnitNominationFields on Nomination {
    id
    version
    status
    nominationDate
    submittedAt
    returnReason
    rejectionReason
    achievementSummary
    pendingProceedings
    campaign {
      id
      code
      name
      awardRules {
        leadReviewRequired
        reportConfirmations
        copiesText
      }
    }
    occasion {
      id
      name
      year
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
    history {
      action
      fromStatus
      toStatus
      reason
      actorId
      at
    }
  }
`);

export const QuotaFields = graphql(`
  fragment UnitQuotaFields on Quota {
    id
    maxNominations
    used
    form {
      id
      name
    }
    proposingUnit {
      id
    }
  }
`);

export const UnitNominationCampaignsQuery = graphql(`
  query UnitNominationCampaigns {
    campaigns(status: PUBLISHED) {
      id
      code
      name
      startDate
      endDate
      occasions {
        id
        name
        kind
        year
        endDate
      }
    }
  }
`);

export const UnitNominationsQuery = graphql(`
  query UnitNominations($campaignId: ID!, $occasionId: ID!) {
    nominations(campaignId: $campaignId, occasionId: $occasionId) {
      ...UnitNominationRowFields
    }
    quotas(occasionId: $occasionId) {
      ...UnitQuotaFields
    }
  }
`);

export const NewNominationOptionsQuery = graphql(`
  query UnitNewNominationOptions($date: Date!, $unitId: ID!) {
    campaigns(status: PUBLISHED) {
      id
      code
      name
      occasions {
        id
        name
        kind
        year
        endDate
      }
      awardForms(availableOn: $date) {
        id
        name
        forCollectives
        forIndividuals
      }
    }
    orgUnit(id: $unitId) {
      id
      name
      kind
      children {
        id
        name
        kind
      }
    }
    people(first: 500) {
      id
      fullName
      kind
      position
      unit {
        id
        name
      }
    }
  }
`);

export const CreatePersonMutation = graphql(`
  mutation UnitCreatePerson($input: PersonInput!) {
    createPerson(input: $input) {
      id
      fullName
      kind
      position
      unit {
        id
        name
      }
    }
  }
`);

export const CreateNominationMutation = graphql(`
  mutation UnitCreateNomination($input: NominationInput!) {
    createNomination(input: $input) {
      id
    }
  }
`);

export const UnitNominationQuery = graphql(`
  query UnitNomination($id: ID!) {
    nomination(id: $id) {
      ...UnitNominationFields
    }
  }
`);

export const UnitNominationQuotasQuery = graphql(`
  query UnitNominationQuotas($occasionId: ID!) {
    quotas(occasionId: $occasionId) {
      ...UnitQuotaFields
    }
  }
`);

export const NominationDraftQuery = graphql(`
  query UnitNominationDraft($id: ID!, $kind: DraftKind!) {
    nomination(id: $id) {
      id
      draft(kind: $kind) {
        name
        mimeType
        base64
      }
    }
  }
`);

export const AttachDocumentMutation = graphql(`
  mutation UnitAttachDossierDocument($nominationId: ID!, $kind: DocumentKind!, $fileId: ID!, $issuedDate: Date, $validUntil: Date, $confirmations: [ReportConfirmer!]) {
    attachDossierDocument(nominationId: $nominationId, kind: $kind, fileId: $fileId, issuedDate: $issuedDate, validUntil: $validUntil, confirmations: $confirmations) {
      ...UnitNominationFields
    }
  }
`);

export const RemoveDocumentMutation = graphql(`
  mutation UnitRemoveDossierDocument($id: ID!) {
    removeDossierDocument(id: $id) {
      ...UnitNominationFields
    }
  }
`);

export const UpdateNominationMutation = graphql(`
  mutation UnitUpdateNomination($id: ID!, $expectedVersion: Int!, $input: NominationUpdate!) {
    updateNomination(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...UnitNominationFields
    }
  }
`);

export const SubmitNominationMutation = graphql(`
  mutation UnitSubmitNomination($id: ID!, $expectedVersion: Int!) {
    submitNomination(id: $id, expectedVersion: $expectedVersion) {
      ...UnitNominationFields
    }
  }
`);
