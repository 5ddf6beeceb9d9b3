import type { ReactNode } from 'react';
import classes from './columns.module.css';

interface ColumnsProps {
  /** `filters`: a narrow filter column, then the results. `aside`: the main content, then a narrower side column. */
  layout: 'filters' | 'aside';
  children: ReactNode;
}

/** Two columns on wide screens, stacked on small ones (plain CSS grid: no layout component needed). */
export function Columns({ layout, children }: ColumnsProps) {
  return <div className={classes[layout]}>{children}</div>;
}
