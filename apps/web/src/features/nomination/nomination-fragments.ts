// The parts of a nomination that the proposing unit's page, Nội vụ's review and the council's agenda all read: who it
// proposes, whether they are eligible and the dossier. One definition each, spread by the operations of the three
// (registered with the cache when this module loads; a module that spreads them names them with `spreads(...)`, see
// src/lib/graphql-runtime.ts).
import { graphql } from '../../gql';

/** Who the nomination proposes, as a line of a list names them: the unit, or the person and their position. */
export const NominationCandidateHeading = graphql(`
  fragment NominationCandidateHeading on Nomination {
    candidateUnit {
      id
      name
      kind
    }
    candidatePerson {
      id
      fullName
      kind
      position
    }
  }
`);

/** Who the nomination proposes in full: the person also with what the achievement report shows of them. */
export const NominationCandidateFields = graphql(`
  fragment NominationCandidateFields on Nomination {
    ...NominationCandidateHeading
    candidatePerson {
      id
      residence
      dateOfBirth
      gender
      homeTown
      unit {
        id
        name
      }
    }
  }
`);

/** Whether the candidate is eligible, clause by clause (requirement, basis, result). */
export const NominationEligibilityFields = graphql(`
  fragment NominationEligibilityFields on Nomination {
    eligibility {
      eligible
      clauses {
        code
        requirement
        basis
        result
      }
    }
  }
`);

/** The dossier: whether it is complete, the copies it takes, its items and documents with what Nội vụ has checked. */
export const NominationDossierFields = graphql(`
  fragment NominationDossierFields on Nomination {
    dossier {
      complete
      checked
      copiesText
      items {
        kind
        label
        status
        detail
        checked
        pages
        documentType
      }
      documents {
        id
        kind
        fileId
        fileName
        issuedDate
        validUntil
        confirmations
        documentType
        pages
        checked
        checkedAt
      }
    }
  }
`);
