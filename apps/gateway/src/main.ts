import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

/** Production entry: boot the gateway and stop cleanly on SIGTERM. */
async function main(): Promise<void> {
  const running = await startGateway(loadGatewayConfig());
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
