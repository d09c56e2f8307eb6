import { graphql } from '../../gql';
import type { DirectoryImportStateQuery as StateResult } from '../../gql/graphql';
import { spreads } from '../../lib/graphql-runtime';

export const DirectoryImportFields = graphql(`
  fragment DirectoryImportFields on DirectoryImport {
    id
    fileName
    status
    progress
    units {
      sheet
      total
      created
      existing
    }
    people {
      sheet
      total
      created
      existing
    }
    registrations {
      sheet
      total
      created
      existing
    }
    errorCount
    failure
    createdAt
    finishedAt
  }
`);

spreads(DirectoryImportFields);

export const DirectoryImportTemplateQuery = graphql(`
  query DirectoryImportTemplate {
    directoryImportTemplate {
      name
      mimeType
      base64
    }
  }
`);

export const DirectoryImportsQuery = graphql(`
  query DirectoryImports {
    directoryImports {
      ...DirectoryImportFields
    }
  }
`);

/** One import as it runs: polled until it is done. */
export const DirectoryImportStateQuery = graphql(`
  query DirectoryImportState($id: ID!) {
    directoryImport(id: $id) {
      ...DirectoryImportFields
      errors(first: 5000) {
        sheet
        row
        column
        code
        message
      }
    }
  }
`);

export const StartDirectoryImportMutation = graphql(`
  mutation StartDirectoryImport($fileId: ID, $base64: String, $fileName: String) {
    startDirectoryImport(fileId: $fileId, base64: $base64, fileName: $fileName) {
      ...DirectoryImportFields
    }
  }
`);

export type DirectoryImportState = NonNullable<StateResult['directoryImport']>;
export type DirectoryImportProblem = DirectoryImportState['errors'][number];
