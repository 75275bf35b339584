import { createApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { listen } from './http-server.ts';
import { createLogger } from './logger.ts';

/** `npm start`: configuration → database → HTTP; SIGTERM/SIGINT stop it cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await prepareDatabase(config, logger, new Date());
  const app = createApp({ database, logger, now: () => new Date() });
  const running = await listen(app, config.PORT, config.HOST);
  const url = `http://localhost:${running.port}`;
  logger.info('server listening', { url, docs: `${url}/docs`, database: database.describe });
  if (config.LOG_LEVEL !== 'silent')
    process.stderr.write(`\n  Ready: ${url}  (API reference: ${url}/docs)\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await running.close(config.SHUTDOWN_TIMEOUT_MS);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
