import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@xj/contracts';
import { AppError } from '../errors.js';

interface Mapped {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, Omit<Mapped, 'details'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体为空，需要 JSON 内容' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型，请使用 application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_JSON', message: '请求体长度与声明不符' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '内容类型无效' },
};

// PostgreSQL constraint errors that slip past a service's own checks still answer 4xx.
const PG_CODES: Record<string, Omit<Mapped, 'details'>> = {
  '23505': { status: 409, code: 'DUPLICATE', message: '记录已存在（名称或编码重复）' },
  '23503': { status: 409, code: 'CONFLICT', message: '关联的记录不存在或仍被引用' },
  '23514': { status: 400, code: 'VALIDATION_FAILED', message: '数据不满足约束条件' },
  '22001': { status: 400, code: 'VALIDATION_FAILED', message: '内容过长' },
  '22P02': { status: 400, code: 'VALIDATION_FAILED', message: '数据格式不正确' },
  '22003': { status: 400, code: 'VALIDATION_FAILED', message: '数值超出范围' },
  '22021': { status: 400, code: 'VALIDATION_FAILED', message: '内容包含无效字符（如空字符）' },
  '22P05': { status: 400, code: 'VALIDATION_FAILED', message: '内容包含无效字符（如空字符）' },
  '22007': { status: 400, code: 'VALIDATION_FAILED', message: '日期时间格式不正确' },
  '22008': { status: 400, code: 'VALIDATION_FAILED', message: '日期时间超出范围' },
};

const WHERE_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

export function mapError(err: FastifyError | AppError | Error): Mapped | null {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = WHERE_LABEL[(err as FastifyError).validationContext ?? 'body'] ?? '请求';
    const issues = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (v.params.issue as { path?: unknown[] } | undefined)?.path?.join('.') || '',
      message: v.message ?? '',
    }));
    const first = issues[0];
    const msg = first ? `${where}不正确：${first.path ? `${first.path}：` : ''}${first.message}` : `${where}不正确`;
    return { status: 400, code: 'VALIDATION_FAILED', message: msg, details: { issues } };
  }
  const code = (err as FastifyError).code;
  if (code && FASTIFY_CODES[code]) return { ...FASTIFY_CODES[code] };
  if (code && /^[0-9A-Z]{5}$/.test(code) && PG_CODES[code]) return { ...PG_CODES[code] };
  const status = (err as FastifyError).statusCode;
  if (status === 429) return { status, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' };
  if (status && status >= 400 && status < 500) return { status, code: 'VALIDATION_FAILED', message: '请求不正确' };
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const mapped = mapError(err);
    if (!mapped || isResponseSerializationError(err)) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' }, requestId: req.id });
    }
    if (mapped.status >= 500) req.log.error({ err }, 'server error');
    return reply
      .code(mapped.status)
      .send({ error: { code: mapped.code, message: mapped.message, details: mapped.details }, requestId: req.id });
  });
}

/** Errors Fastify raises before routing (a URL that cannot be decoded) get the same body as every other error. */
export function frameworkErrors(_err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  void reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: '请求地址不正确（无法解码的 URL）' }, requestId: req.id });
}
