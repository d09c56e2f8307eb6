import pino, { type Logger } from 'pino';

/** One JSON logger per service; requests get children carrying their request id. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.secret'], censor: '[ẩn]' },
  });
}
