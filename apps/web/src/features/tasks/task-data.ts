// Tasks the lead agency assigns to units from a plan, and the progress the units report.
import { graphql } from '../../gql';
import type { LeadTasksQuery } from '../../gql/graphql';

export const TasksQuery = graphql(`
  query LeadTasks($campaignId: ID, $year: Int) {
    assignedTasks(campaignId: $campaignId, year: $year) {
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
      owner {
        id
        code
        name
        kind
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

export const TaskUnitsQuery = graphql(`
  query LeadTaskUnits($campaignId: ID!, $asOf: Date) {
    campaign(id: $campaignId) {
      id
      expectedUnits(asOf: $asOf) {
        id
        name
        kind
      }
    }
  }
`);

export const AssignTaskMutation = graphql(`
  mutation LeadAssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) {
      id
      title
      dueDate
    }
  }
`);

export type Task = LeadTasksQuery['assignedTasks'][number];

/** Where a task stands, computed from its dates (never typed by anyone). */
export type TaskState = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'IN_PROGRESS';

export function taskState(t: Task): TaskState {
  if (t.completedOn) return t.completedOnTime ? 'ON_TIME' : 'LATE';
  return t.overdue ? 'OVERDUE' : 'IN_PROGRESS';
}

export const TASK_STATES: Array<{ state: TaskState; label: string; color: string; slug: string }> = [
  { state: 'IN_PROGRESS', label: 'Đang thực hiện', color: 'blue', slug: 'dang-thuc-hien' },
  { state: 'OVERDUE', label: 'Quá hạn', color: 'red', slug: 'qua-han' },
  { state: 'ON_TIME', label: 'Hoàn thành đúng hạn', color: 'green', slug: 'dung-han' },
  { state: 'LATE', label: 'Hoàn thành muộn', color: 'orange', slug: 'hoan-thanh-muon' },
];
