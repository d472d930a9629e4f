import type { ReactNode } from 'react';

/** Props of {@link Panel}. */
export interface PanelProps {
  /** Heading text. */
  title: ReactNode;
  /** id of the heading (labels the section for assistive tech). */
  id: string;
  children: ReactNode;
}

/** A titled section box. */
export function Panel({ title, id, children }: PanelProps) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
