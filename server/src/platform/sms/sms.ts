import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '@xj/contracts';
import type { Config, SmsConfig } from '../config.js';
import { AppError } from '../errors.js';

/**
 * Sends residents' one-time codes. Two adapters, chosen by SMS_PROVIDER:
 *  - `log`: writes "code for 138****1234: 123456" to the server log (the phone masked, as every
 *    log line) and keeps the last messages in memory for the demo outbox (development and demo);
 *  - `http`: POSTs `{ phone, message }` as JSON to SMS_HTTP_URL (a provider adapter or gateway).
 * A failed send is a 503 SMS_UNAVAILABLE with a message a resident can act on, never a 500.
 */
export interface SmsSender {
  readonly kind: SmsConfig['provider'];
  sendCode(phone: string, code: string): Promise<void>;
}

export interface OutboxMessage {
  phone: string;
  code: string;
  sentAt: Date;
}

const OUTBOX_SIZE = 50;
const unavailable = () => new AppError(503, 'SMS_UNAVAILABLE', '短信发送失败，请稍后再试');

export class LogSmsSender implements SmsSender {
  readonly kind = 'log' as const;
  private readonly outbox: OutboxMessage[] = [];

  constructor(private readonly log: FastifyBaseLogger) {}

  async sendCode(phone: string, code: string): Promise<void> {
    this.outbox.push({ phone, code, sentAt: new Date() });
    if (this.outbox.length > OUTBOX_SIZE) this.outbox.shift();
    this.log.info({ sms: 'log' }, `SMS (log sender) code for ${maskPhone(phone)}: ${code}`);
  }

  /** The newest message to a phone still in memory (the last 50 are kept). */
  latest(phone: string): OutboxMessage | undefined {
    for (let i = this.outbox.length - 1; i >= 0; i--) if (this.outbox[i]!.phone === phone) return this.outbox[i];
    return undefined;
  }
}

export class HttpSmsSender implements SmsSender {
  readonly kind = 'http' as const;

  constructor(
    private readonly config: SmsConfig & { httpUrl: string },
    private readonly log: FastifyBaseLogger,
  ) {}

  async sendCode(phone: string, code: string): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.httpToken) headers.authorization = `Bearer ${this.config.httpToken}`;
    const message = this.config.template.replaceAll('{code}', code);
    let status: number;
    try {
      const res = await fetch(this.config.httpUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone, message }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
        redirect: 'error',
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      // Timeouts and network errors; the phone stays out of the log.
      this.log.error({ sms: 'http', err: { name: (err as Error).name, message: (err as Error).message } }, 'SMS provider unreachable');
      throw unavailable();
    }
    if (status < 200 || status >= 300) {
      this.log.error({ sms: 'http', status }, 'SMS provider refused the message');
      throw unavailable();
    }
  }
}

/** The configured sender; warns when a production server would only log codes. */
export function createSmsSender(config: Config, log: FastifyBaseLogger): SmsSender {
  if (config.sms.provider === 'http' && config.sms.httpUrl) return new HttpSmsSender({ ...config.sms, httpUrl: config.sms.httpUrl }, log);
  if (config.production && !config.demoMode) {
    log.warn('SMS_PROVIDER=log in production: residents\' verification codes are only written to the server log, never sent. Set SMS_PROVIDER=http and SMS_HTTP_URL.');
  }
  return new LogSmsSender(log);
}
