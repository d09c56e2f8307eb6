import { useApolloClient } from '@apollo/client/react';
import { App } from 'antd';
import { useState } from 'react';
import { toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { CouncilMinutesQuery } from './council-data';

/** Download the session's Biên bản (Word), drafted from what is recorded at that moment. */
export function useMinutesDownload(reviewId: string | undefined) {
  const client = useApolloClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!reviewId) return;
    setBusy(true);
    try {
      const r = await client.query({ query: CouncilMinutesQuery, variables: { id: reviewId }, fetchPolicy: 'network-only' });
      const minutes = r.data?.councilReview?.minutes;
      if (!minutes) throw r.error ?? new Error('Không tạo được biên bản.');
      saveBase64File(minutes);
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { download, busy };
}
