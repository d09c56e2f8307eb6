import type { ReactNode } from 'react';
import type { RoleCode } from '../i18n/labels';

/** A page of the app and, when it has a label, its place in the menu. Each role's folder exports its list. */
export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Who may open it; none = everyone (public pages). ADMIN may open every page. */
  roles?: RoleCode[];
  /** Menu entry, when the page belongs in the menu. */
  menu?: { label: string; icon?: ReactNode; group: 'public' | 'work' | 'admin'; order: number };
}
