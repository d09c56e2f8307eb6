import { graphql } from '../../gql';
import type { ScoreImportStateQuery as StateResult } from '../../gql/graphql';
import { spreads } from '../../lib/graphql-runtime';

export const ScoreImportFields = graphql(`
  fragment ScoreImportFields on ScoreImport {
    id
    year
    kind
    fileName
    status
    progress
    unitsTotal
    unitsImported
    unitsRejected
    rowsTotal
    rowsImported
    errorCount
    failure
    createdAt
    finishedAt
  }
`);

spreads(ScoreImportFields);

export const ScoreImportTemplateQuery = graphql(`
  query ScoreImportTemplate($campaignId: ID!, $year: Int!, $kind: ScoreImportKind!) {
    scoreImportTemplate(campaignId: $campaignId, year: $year, kind: $kind) {
      name
      mimeType
      base64
    }
  }
`);

export const ScoreImportsQuery = graphql(`
  query ScoreImports($campaignId: ID!, $year: Int) {
    scoreImports(campaignId: $campaignId, year: $year) {
      ...ScoreImportFields
    }
  }
`);

/** One import as it runs: polled until it is done. */
export const ScoreImportStateQuery = graphql(`
  query ScoreImportState($id: ID!) {
    scoreImport(id: $id) {
      ...ScoreImportFields
      errors(first: 5000) {
        unitName
        sheet
        row
        column
        code
        message
      }
    }
  }
`);

export const StartScoreImportMutation = graphql(`
  mutation StartScoreImport($campaignId: ID!, $year: Int!, $kind: ScoreImportKind!, $fileId: ID, $base64: String, $fileName: String) {
    startScoreImport(campaignId: $campaignId, year: $year, kind: $kind, fileId: $fileId, base64: $base64, fileName: $fileName) {
      ...ScoreImportFields
    }
  }
`);

export type ScoreImportState = NonNullable<StateResult['scoreImport']>;
export type ScoreImportProblem = ScoreImportState['errors'][number];
