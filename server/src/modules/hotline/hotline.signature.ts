import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../platform/errors.js';

/** How far the caller's clock may be from ours: a captured request cannot be replayed later. */
export const HOTLINE_WINDOW_SECONDS = 300;

const TIMESTAMP = /^[0-9]{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` (an empty body for GET). */
export function signHotline(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

const invalid = (message: string) => new AppError(401, 'HOTLINE_SIGNATURE_INVALID', message);

/**
 * Authenticates a hotline request: the signature first (compared in constant time), then the
 * time window, so that only a holder of the secret learns that its clock is off.
 */
export function verifyHotlineSignature(secret: string, headers: IncomingHttpHeaders, rawBody: string, nowSeconds = Math.floor(Date.now() / 1000)): void {
  const timestamp = headers['x-hotline-timestamp'];
  const signature = headers['x-hotline-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') {
    throw invalid('缺少热线签名：请求须带 X-Hotline-Timestamp 和 X-Hotline-Signature 请求头');
  }
  const given = SIGNATURE.exec(signature.trim());
  if (!TIMESTAMP.test(timestamp.trim()) || !given) {
    throw invalid('热线签名格式不正确：X-Hotline-Timestamp 应为 Unix 秒数，X-Hotline-Signature 应为 sha256=<64位十六进制>');
  }
  const expected = Buffer.from(signHotline(secret, timestamp.trim(), rawBody).slice('sha256='.length), 'hex');
  if (!timingSafeEqual(Buffer.from(given[1]!, 'hex'), expected)) throw invalid('热线签名校验失败');
  if (Math.abs(nowSeconds - Number(timestamp)) > HOTLINE_WINDOW_SECONDS) {
    throw new AppError(401, 'HOTLINE_TIMESTAMP_OUT_OF_WINDOW', `请求时间戳与服务器时间相差超过 ${HOTLINE_WINDOW_SECONDS} 秒，请校准时钟后重新签名`);
  }
}
