/** "Hoàn thành đúng thời hạn": reached 100% on or before the due date. Computed, never typed (R10). */
export function completedOnTime(task: { completedOn: string | null; dueDate: string }): boolean | null {
  return task.completedOn === null ? null : task.completedOn <= task.dueDate;
}

/** Past its due date and not completed. */
export function overdue(task: { completedOn: string | null; dueDate: string }, today: string): boolean {
  return task.completedOn === null && today > task.dueDate;
}

export interface TaskCompletion {
  year: number;
  assigned: number;
  completed: number;
  completedOnTime: number;
  /** % of the tasks due in the year that were completed on time. */
  rate: number;
}

/** Completion of a unit's tasks due in a year. */
export function taskCompletion(tasks: Array<{ completedOn: string | null; dueDate: string }>, year: number): TaskCompletion {
  const due = tasks.filter((t) => t.dueDate.startsWith(`${year}-`));
  const completed = due.filter((t) => t.completedOn !== null).length;
  const onTime = due.filter((t) => completedOnTime(t) === true).length;
  return { year, assigned: due.length, completed, completedOnTime: onTime, rate: due.length ? Math.round((onTime / due.length) * 10000) / 100 : 0 };
}

/** The day a task is completed: the first report reaching 100%, and it stays completed. */
export function completionAfterReport(current: string | null, percent: number, reportedOn: string): string | null {
  if (current !== null) return current;
  return percent >= 100 ? reportedOn : null;
}
