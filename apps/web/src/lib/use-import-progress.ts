import { useEffect } from 'react';

/** What the hook needs of an import's state query (Apollo's useQuery result). */
interface Pollable {
  startPolling(ms: number): void;
  stopPolling(): void;
}

/**
 * Follow a background import (score or directory): its state is asked every second while it is queued or running,
 * and `onEnd` runs once it is done or has failed (e.g. to refetch the list of imports). Returns whether it runs.
 */
export function useImportProgress(state: Pollable, status: string | null | undefined, onEnd: () => unknown): boolean {
  const running = status === 'QUEUED' || status === 'RUNNING';
  const { startPolling, stopPolling } = state;
  useEffect(() => {
    if (running) startPolling(1000);
    else stopPolling();
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  useEffect(() => {
    if (status === 'DONE' || status === 'FAILED') void onEnd();
  }, [status, onEnd]);
  return running;
}
