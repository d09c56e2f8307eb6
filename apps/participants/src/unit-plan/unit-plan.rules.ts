/** On time = received on or before the deadline; unknown without a deadline. */
export function planOnTime(receivedDate: string, dueDate: string | null): boolean | null {
  return dueDate === null ? null : receivedDate <= dueDate;
}

export interface CoverageRow<K extends string> {
  kind: K | null;
  expected: number;
  submitted: number;
  onTime: number;
  percent: number;
  missingIds: string[];
}

/** Coverage per kind and overall: % of expected units that sent a plan (R5, BMT IV.1 target 100%). */
export function planCoverage<K extends string>(
  expected: Array<{ id: string; kind: K }>,
  plans: Map<string, { onTime: boolean | null }>,
): CoverageRow<K>[] {
  const kinds = [...new Set(expected.map((u) => u.kind))].sort();
  const row = (kind: K | null): CoverageRow<K> => {
    const units = expected.filter((u) => kind === null || u.kind === kind);
    const sent = units.filter((u) => plans.has(u.id));
    const onTime = sent.filter((u) => plans.get(u.id)?.onTime === true).length;
    return {
      kind,
      expected: units.length,
      submitted: sent.length,
      onTime,
      percent: units.length ? Math.round((sent.length / units.length) * 10000) / 100 : 0,
      missingIds: units.filter((u) => !plans.has(u.id)).map((u) => u.id),
    };
  };
  return [row(null), ...kinds.map(row)];
}

/**
 * The plans of the units expected on the due date, counted under the units that carry them on at a later date (R25):
 * each such unit once, sent if one of the units it carries on sent one, on time if every one that sent did (null
 * without a due date). `carriers` maps each expected unit to the units carrying it on (none: dissolved); the value is
 * null for a unit none of whose parts sent a plan.
 */
export function rollUpPlans(
  unitIds: readonly string[],
  carriers: ReadonlyMap<string, readonly string[]>,
  plans: ReadonlyMap<string, { onTime: boolean | null }>,
): Map<string, { onTime: boolean | null } | null> {
  const out = new Map<string, { onTime: boolean | null } | null>();
  for (const id of unitIds) {
    const plan = plans.get(id);
    for (const to of carriers.get(id) ?? []) {
      const before = out.get(to) ?? null;
      if (!out.has(to)) out.set(to, null);
      if (!plan) continue;
      out.set(to, before ? { onTime: before.onTime === null || plan.onTime === null ? null : before.onTime && plan.onTime } : { onTime: plan.onTime });
    }
  }
  return out;
}
