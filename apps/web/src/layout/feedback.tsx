// antd's App provides `App.useApp()` (message, notification and modal tied to the theme) to every page. Its code
// (message, notification, Modal and the dialog under them, about 20 kB gzip) is not needed to show a page, only to
// answer what a user does on it, so it is not in the first download: antd's App itself runs in a lazy chunk beside the
// pages, and its context is relayed to them here. The tree under the provider is the same before and after the chunk
// arrives (nothing is mounted again); a call made before then waits for it.
import type { useAppProps } from 'antd/es/app/context';
import AppContext from 'antd/es/app/context';
import { theme } from 'antd';
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';

const FeedbackHolders = lazy(() => import('./feedback-holders'));

type Feedback = useAppProps;

/** message, notification and modal whose calls wait until antd's App has loaded, then go to it. */
function deferred(ready: Promise<Feedback>): Feedback {
  const part = (key: keyof Feedback) =>
    new Proxy(
      {},
      {
        get: (_, method) => (...args: unknown[]) => {
          void ready.then((api) => (api[key] as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>)[method]?.(...args));
        },
      },
    );
  return { message: part('message'), notification: part('notification'), modal: part('modal') } as unknown as Feedback;
}

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [state] = useState(() => {
    let resolve!: (api: Feedback) => void;
    const ready = new Promise<Feedback>((r) => (resolve = r));
    return { resolve, early: deferred(ready) };
  });
  const [api, setApi] = useState<Feedback>(state.early);
  const onReady = useCallback(
    (loaded: Feedback) => {
      state.resolve(loaded);
      setApi(loaded);
    },
    [state, setApi],
  );
  // The text style antd's App gives the element around the pages.
  const { token } = theme.useToken();
  return (
    <AppContext.Provider value={api}>
      <Suspense fallback={null}>
        <FeedbackHolders onReady={onReady} />
      </Suspense>
      <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>{children}</div>
    </AppContext.Provider>
  );
}
