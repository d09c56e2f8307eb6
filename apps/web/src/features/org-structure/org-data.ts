// The org structure Nội vụ keeps: units as of a date, and the changes (create, rename, move, merge, split, dissolve)
// with their legal basis and effective date.
import { graphql } from '../../gql';
import type { OrgStructureUnitQuery, OrgStructureUnitsQuery } from '../../gql/graphql';

/** A page of the units existing on a date (the tree is built from the pages). */
export const OrgUnitsQuery = graphql(`
  query OrgStructureUnits($asOf: Date, $search: String, $first: Int, $after: String) {
    orgUnits(asOf: $asOf, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          kind
          validFrom
          validTo
          version
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

export const OrgUnitQuery = graphql(`
  query OrgStructureUnit($id: ID!) {
    orgUnit(id: $id) {
      id
      code
      name
      kind
      field
      taxCode
      email
      version
      validFrom
      validTo
      parent {
        id
        name
      }
      predecessors {
        id
        name
        validTo
      }
      successors {
        id
        name
        validTo
      }
      changes {
        id
        kind
        effectiveDate
        note
        basis {
          number
          date
          issuer
          title
        }
        predecessors {
          id
          name
        }
        successors {
          id
          name
        }
        subjects {
          id
          name
        }
      }
    }
  }
`);

/** A unit's contact details (its e-mail receives the reminders' daily digest), not a change of the structure. */
export const UpdateOrgUnitMutation = graphql(`
  mutation OrgStructureUpdate($id: ID!, $expectedVersion: Int!, $patch: OrgUnitPatch!) {
    updateOrgUnit(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
      id
      field
      taxCode
      email
      version
    }
  }
`);

export const CreateOrgUnitMutation = graphql(`
  mutation OrgStructureCreate($input: OrgUnitInput!) {
    createOrgUnit(input: $input) {
      id
      name
    }
  }
`);

export const RenameOrgUnitMutation = graphql(`
  mutation OrgStructureRename($id: ID!, $name: String!, $effectiveDate: Date!, $basis: LegalDocumentInput) {
    renameOrgUnit(id: $id, name: $name, effectiveDate: $effectiveDate, basis: $basis) {
      id
      name
    }
  }
`);

export const MoveOrgUnitMutation = graphql(`
  mutation OrgStructureMove($id: ID!, $parentId: ID!, $effectiveDate: Date!, $basis: LegalDocumentInput) {
    moveOrgUnit(id: $id, parentId: $parentId, effectiveDate: $effectiveDate, basis: $basis) {
      id
      name
    }
  }
`);

export const MergeOrgUnitsMutation = graphql(`
  mutation OrgStructureMerge($input: MergeInput!) {
    mergeOrgUnits(input: $input) {
      id
      successors {
        id
        name
      }
    }
  }
`);

export const SplitOrgUnitMutation = graphql(`
  mutation OrgStructureSplit($input: SplitInput!) {
    splitOrgUnit(input: $input) {
      id
      successors {
        id
        name
      }
    }
  }
`);

export const DissolveOrgUnitMutation = graphql(`
  mutation OrgStructureDissolve($id: ID!, $effectiveDate: Date!, $basis: LegalDocumentInput, $transferChildrenTo: ID, $note: String, $successorId: ID) {
    dissolveOrgUnit(id: $id, effectiveDate: $effectiveDate, basis: $basis, transferChildrenTo: $transferChildrenTo, note: $note, successorId: $successorId) {
      id
    }
  }
`);

export type OrgUnitRow = OrgStructureUnitsQuery['orgUnits']['edges'][number]['node'];
export type OrgUnitDetail = NonNullable<OrgStructureUnitQuery['orgUnit']>;
export type OrgUnitChangeRow = OrgUnitDetail['changes'][number];

export interface OrgTreeNode {
  key: string;
  unit: OrgUnitRow;
  children: OrgTreeNode[];
}

/** The units as a tree: those whose parent is not in the list are roots; children sorted by name. */
export function buildTree(units: OrgUnitRow[]): OrgTreeNode[] {
  const nodes = new Map(units.map((u) => [u.id, { key: u.id, unit: u, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.unit.parent ? nodes.get(n.unit.parent.id) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** A code for a new unit from its name, as the directory names them (UPPER-CASE ASCII words joined by hyphens). */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
