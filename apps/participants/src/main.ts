import { loadPlatformConfig } from '@thidua/platform';
import { startParticipants } from './service';

/** Production entry: boot the participants subgraph and stop cleanly on SIGTERM. */
async function main(): Promise<void> {
  const config = loadPlatformConfig('participants', 4001);
  const running = await startParticipants(config);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
