// The tasks assigned to a unit (as the unit in charge or cooperating) and the progress it reports.
import { graphql } from '../../gql';
import type { UnitAssignedTasksQuery as TasksResult } from '../../gql/graphql';

export const UnitAssignedTasksQuery = graphql(`
  query UnitAssignedTasks($unitId: ID!) {
    assignedTasks(unitId: $unitId) {
      id
      planNumber
      planTitle
      code
      title
      dueDate
      percent
      completedOn
      completedOnTime
      overdue
      version
      campaign {
        id
        name
      }
      owner {
        id
        name
      }
      cooperatingUnits {
        id
        name
      }
      progress {
        reportedOn
        percent
        note
        evidenceFileIds
      }
    }
  }
`);

export const ReportTaskProgressMutation = graphql(`
  mutation UnitReportTaskProgress($taskId: ID!, $expectedVersion: Int!, $percent: Int!, $note: String, $evidenceFileIds: [ID!]) {
    reportTaskProgress(taskId: $taskId, expectedVersion: $expectedVersion, percent: $percent, note: $note, evidenceFileIds: $evidenceFileIds) {
      id
      percent
      completedOn
      version
    }
  }
`);

export type UnitTask = TasksResult['assignedTasks'][number];
