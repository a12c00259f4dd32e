/** Where to open (or propose) a support plan for a person; safe to import in components. */
export function openPlanHref(personId: string): string {
  return `/plans/new?personId=${encodeURIComponent(personId)}`;
}

export function planHref(planId: string, sub?: string): string {
  return sub ? `/plans/${planId}/${sub}` : `/plans/${planId}`;
}
