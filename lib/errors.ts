/**
 * One error family for the whole system. `expose` decides whether a client may see the message;
 * `name` is what a Step Functions Retry/Catch matches, so it is stable and meaningful.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly expose: boolean;
  readonly fields?: Record<string, string>;

  constructor(
    message: string,
    opts: { statusCode: number; code: string; fields?: Record<string, string>; cause?: unknown },
  ) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.statusCode = opts.statusCode;
    this.code = opts.code;
    this.expose = opts.statusCode < 500;
    if (opts.fields) this.fields = opts.fields;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>, code = 'VALIDATION_FAILED') {
    super(message, { statusCode: 400, code, ...(fields ? { fields } : {}) });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = '需要登录凭证', options: { cause?: unknown } = {}) {
    super(message, { statusCode: 401, code: 'UNAUTHENTICATED', cause: options.cause });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '无权访问该资源') {
    super(message, { statusCode: 403, code: 'FORBIDDEN' });
  }
}

export class NotFoundError extends AppError {
  constructor(message = '未找到', code = 'NOT_FOUND') {
    super(message, { statusCode: 404, code });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super(message, { statusCode: 409, code });
  }
}

/** A phone number that already belongs to another registered person of the same kind. */
export class PhoneTakenError extends ConflictError {
  constructor(kind: 'volunteer' | 'elder') {
    super(kind === 'volunteer' ? '该手机号已登记为志愿者' : '该手机号已登记为独居老人', 'PHONE_TAKEN');
  }
}

/** An `Idempotency-Key` already bound to a different request: the client must not reuse it. */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super('该幂等键已用于另一请求，请为新请求使用新的 Idempotency-Key', { statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(`请求体超过 ${limitBytes} 字节`, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super('请求体须为 application/json', { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  }
}

/** Thrown by workflow tasks when the case they were started for no longer exists. Not retried. */
export class CaseMissingError extends AppError {
  constructor(caseId: string) {
    super(`case ${caseId} not found`, { statusCode: 500, code: 'CASE_MISSING' });
  }
}

/** A limit was reached (reports per phone per hour, …): the client may try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, code = 'RATE_LIMITED') {
    super(message, { statusCode: 429, code });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** A workflow task's wish no longer exists. Not retried. */
export class WishMissingError extends AppError {
  constructor(wishId: string) {
    super(`wish ${wishId} not found`, { statusCode: 500, code: 'WISH_MISSING' });
  }
}

/** A workflow task's visit no longer exists. Not retried. */
export class VisitMissingError extends AppError {
  constructor(visitId: string) {
    super(`visit ${visitId} not found`, { statusCode: 500, code: 'VISIT_MISSING' });
  }
}

/**
 * Another writer kept winning the conditional write of one item (lib/use-cases/lost-race.ts): the
 * workflow's Retry backs off and tries again; over HTTP it is a 409 the client may retry.
 */
export class ContendedError extends AppError {
  constructor(what: string) {
    super(`${what} kept changing; try again`, { statusCode: 409, code: 'CONTENDED' });
  }
}

/**
 * A visit's welfare check or concern found nobody to open its case in the name of (no family, volunteer,
 * grid worker or centre phone): the workflow retries, then waits for the centre.
 */
export class NoReporterError extends AppError {
  constructor(visitId: string) {
    super(`nobody to report visit ${visitId} in the name of`, { statusCode: 500, code: 'NO_REPORTER' });
  }
}
