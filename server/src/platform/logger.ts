import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logging (pino). Credentials, cookies and personal data never reach the log:
 * bodies are not logged, and the known sensitive fields are redacted wherever they appear.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.phone',
        '*.idNumber',
      ],
      censor: '[redacted]',
    },
  };
}
