import { App } from 'antd';
import { useEffect } from 'react';
import type { useAppProps } from 'antd/es/app/context';

/** antd's App (its message, notification and modal holders), loaded after the first page; see feedback.tsx. */
export default function FeedbackHolders({ onReady }: { onReady: (api: useAppProps) => void }) {
  return (
    <App component={false}>
      <Relay onReady={onReady} />
    </App>
  );
}

function Relay({ onReady }: { onReady: (api: useAppProps) => void }) {
  const api = App.useApp();
  useEffect(() => onReady(api), [api, onReady]);
  return null;
}
