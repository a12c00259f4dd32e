import type { ReactNode } from "react";

/** One labelled value in a definition list (class "facts" on the <dl>). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
