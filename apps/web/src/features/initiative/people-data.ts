// The people a unit recorded: its own staff and those outside every unit it recorded to nominate them.
import { graphql } from '../../gql';
import type { UnitPeopleQuery as PeopleResult } from '../../gql/graphql';

export const UnitPeopleQuery = graphql(`
  query UnitPeople {
    people(first: 500) {
      id
      fullName
      kind
      position
      email
      residence
      dateOfBirth
      gender
      homeTown
      version
      unit {
        id
        name
      }
    }
  }
`);

export const UnitRecordPersonMutation = graphql(`
  mutation UnitRecordPerson($input: PersonInput!) {
    createPerson(input: $input) {
      id
      fullName
      version
    }
  }
`);

export const UnitUpdatePersonMutation = graphql(`
  mutation UnitUpdatePerson($id: ID!, $expectedVersion: Int!, $input: PersonInput!) {
    updatePerson(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      fullName
      version
    }
  }
`);

export type UnitPerson = PeopleResult['people'][number];
