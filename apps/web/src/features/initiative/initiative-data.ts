// A unit's initiatives (sáng kiến, giải pháp), which its nominations cite, and the people it may name as authors.
import { graphql } from '../../gql';
import type { UnitInitiativesQuery as InitiativesResult } from '../../gql/graphql';

export const UnitInitiativesQuery = graphql(`
  query UnitInitiatives($unitId: ID!) {
    initiatives(unitId: $unitId) {
      id
      title
      field
      recognitionLevel
      recognizedDate
      decisionNumber
      replicated
      version
      campaign {
        id
        name
      }
      authors {
        id
        fullName
      }
    }
  }
`);

export const UnitInitiativeOptionsQuery = graphql(`
  query UnitInitiativeOptions {
    campaigns(status: PUBLISHED) {
      id
      code
      name
    }
    people(first: 500) {
      id
      fullName
      kind
      position
      unit {
        id
      }
    }
  }
`);

export const CreateInitiativeMutation = graphql(`
  mutation UnitCreateInitiative($input: InitiativeInput!) {
    createInitiative(input: $input) {
      id
      title
      version
    }
  }
`);

export const UpdateInitiativeMutation = graphql(`
  mutation UnitUpdateInitiative($id: ID!, $expectedVersion: Int!, $input: InitiativeInput!) {
    updateInitiative(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      title
      version
    }
  }
`);

export type UnitInitiative = InitiativesResult['initiatives'][number];
