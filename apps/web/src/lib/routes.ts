import type { ApolloClient } from '@apollo/client';
import type { ComponentType, ReactNode } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import type { RoleCode } from '../i18n/labels';

/** A page of the app and, when it has a label, its place in the menu. Each role's folder exports its list. */
export type AppRoute = {
  path: string;
  /** Who may open it; none = everyone (public pages). ADMIN may open every page. */
  roles?: RoleCode[];
  /** Menu entry, when the page belongs in the menu. */
  menu?: {
    label: string;
    icon?: ReactNode;
    group: 'public' | 'work' | 'admin';
    order: number;
    /** The prefix of the pages the entry stands for when they are not under its own path (its sub-navigation's pages). */
    section?: string;
  };
  /**
   * The page's route loader, when it asks for its data before it is shown (React Router runs it beside the download of
   * the page's code): a function that loads the loader's module, which should import no component, so that it comes
   * at once. A public page (no `roles`) with a loader is rendered by the gateway for a visitor not signed in
   * (src/server.tsx): its loader asks the graph only through the client it is given, and returns plain data (it is
   * sent in the page as JSON, and the browser hydrates the page from it).
   */
  loader?: () => Promise<PageLoader>;
} & (
  | { element: ReactNode; page?: never }
  /**
   * A page whose code comes when it is opened, loaded by the router before it shows the page: nothing is shown in its
   * place meanwhile, so the page appears as soon as its code has run (a lazy element would show a spinner first,
   * and React then holds the page back until the spinner has been seen for 300 ms).
   */
  | { page: () => Promise<ComponentType>; element?: never }
);

/** A route loader given the app's one client of the graph; what it returns is the page's `useLoaderData()`. */
export type PageLoader = (args: LoaderFunctionArgs, client: ApolloClient) => Promise<unknown>;
