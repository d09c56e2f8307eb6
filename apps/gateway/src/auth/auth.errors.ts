import { AppError, platformErrors, type FieldProblem } from '@thidua/platform';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { formatVietnamTime } from './account.rules';

/** Codes and Vietnamese messages of sign-in and account management. */
export const authErrors = {
  AUTH_INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  AUTH_LOCKED: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần.',
  AUTH_DISABLED: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.',
  AUTH_LOCAL_DISABLED: 'Hệ thống đăng nhập qua cổng xác thực tập trung; tài khoản nội bộ chỉ dành cho quản trị viên.',
  AUTH_LOCAL_ACCOUNT_REQUIRED: 'Chỉ tài khoản nội bộ đang đăng nhập mới đổi được mật khẩu tại đây.',
  CSRF_REJECTED: 'Yêu cầu bị từ chối vì không gửi từ trang của hệ thống (chống giả mạo yêu cầu).',
  ACCOUNT_DUPLICATE: 'Tên đăng nhập đã được sử dụng.',
  ACCOUNT_NOT_FOUND: 'Không tìm thấy tài khoản.',
  ACCOUNT_LAST_ADMIN: 'Không thể vô hiệu hóa hoặc bỏ quyền của quản trị viên cuối cùng đang hoạt động.',
  ACCOUNT_UNIT_REQUIRED: 'Tài khoản của cán bộ đầu mối, cơ quan chủ trì, cơ quan nội vụ hoặc của tỉnh phải được gắn với đơn vị mà tài khoản làm việc cho.',
  PASSWORD_POLICY: 'Mật khẩu không đạt yêu cầu.',
  PASSWORD_CURRENT_WRONG: 'Mật khẩu hiện tại không đúng.',
  PASSWORD_UNCHANGED: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  OIDC_NOT_CONFIGURED: 'Đăng nhập qua cổng xác thực tập trung chưa được cấu hình.',
  OIDC_FAILED: 'Đăng nhập qua cổng xác thực tập trung không thành công. Vui lòng thử lại.',
  OIDC_NO_ROLE: 'Tài khoản của bạn chưa được gán vai trò nào trong hệ thống thi đua. Vui lòng liên hệ quản trị viên để được cấp quyền.',
  OIDC_NO_UNIT: 'Tài khoản của bạn chưa được gắn với đơn vị mà bạn làm việc cho. Vui lòng liên hệ quản trị viên.',
} as const;

export type AuthErrorCode = keyof typeof authErrors;

/** HTTP status of each refusal. */
const STATUS: Record<AuthErrorCode, number> = {
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_LOCKED: 423,
  AUTH_DISABLED: 403,
  AUTH_LOCAL_DISABLED: 403,
  AUTH_LOCAL_ACCOUNT_REQUIRED: 403,
  CSRF_REJECTED: 403,
  ACCOUNT_DUPLICATE: 409,
  ACCOUNT_NOT_FOUND: 404,
  ACCOUNT_LAST_ADMIN: 409,
  ACCOUNT_UNIT_REQUIRED: 400,
  PASSWORD_POLICY: 400,
  PASSWORD_CURRENT_WRONG: 400,
  PASSWORD_UNCHANGED: 400,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_FAILED: 502,
  OIDC_NO_ROLE: 403,
  OIDC_NO_UNIT: 403,
};

const PLATFORM_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
};

/** A sign-in or account error, optionally naming the input field the web form shows it beside. */
export function authError(code: AuthErrorCode, details?: { field?: string; [k: string]: unknown }, message?: string): AppError {
  return new AppError(code, message ?? authErrors[code], details, STATUS[code]);
}

/** The lock refusal: when it ends, in the message (Vietnam time) and as ISO for the client. */
export function lockedError(lockedUntil: Date): AppError {
  return authError(
    'AUTH_LOCKED',
    { lockedUntil: lockedUntil.toISOString() },
    `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${formatVietnamTime(lockedUntil)}.`,
  );
}

/** A policy refusal of a password, named by the field it came from. */
export function passwordPolicyError(field: string, problem: string): AppError {
  return authError('PASSWORD_POLICY', { field }, problem);
}

/**
 * Parse a request body with a schema whose every field carries its own Vietnamese message (zod `error`), or
 * throw VALIDATION_FAILED listing each offending field. Writes nothing.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const fields: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '(input)';
    if (fields.some((f) => f.field === field)) continue;
    fields.push({ field, message: issue.path.length ? issue.message : platformErrors.BAD_REQUEST });
  }
  const summary = fields.map((f) => f.message).join(' ');
  throw new AppError('VALIDATION_FAILED', `${platformErrors.VALIDATION_FAILED} ${summary}`, { fields }, 400);
}

/**
 * What of an unexpected error may be logged: a database error carries the statement's parameters (a password hash,
 * tokens), so only its kind and the driver's message are kept.
 */
export function loggableError(err: unknown): { name: string; message: string; code?: string } {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

interface ErrorBody {
  message: string;
  extensions: { code: string; field?: string; requestId?: string; [k: string]: unknown };
}

/**
 * Answer an error as `{ errors: [{ message, extensions: { code, field? } }] }`: one entry per invalid field, so a
 * form can show each message beside its field; anything unexpected becomes INTERNAL_SERVER_ERROR with no detail.
 */
export function sendError(req: Request, res: Response, err: unknown): void {
  if (!(err instanceof AppError)) {
    req.log?.error({ err: loggableError(err) }, 'auth request failed');
    res.status(500).json({
      errors: [{ message: platformErrors.INTERNAL_SERVER_ERROR, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: req.requestId } }],
    });
    return;
  }
  const status = err.code in STATUS ? STATUS[err.code as AuthErrorCode] : (PLATFORM_STATUS[err.code] ?? err.httpStatus);
  const { fields, field, ...rest } = err.details ?? {};
  let errors: ErrorBody[];
  if (Array.isArray(fields) && fields.length) {
    errors = (fields as FieldProblem[]).map((f) => ({ message: f.message, extensions: { code: err.code, field: f.field, requestId: req.requestId } }));
  } else {
    const extra = Object.fromEntries(Object.entries(rest).filter(([k]) => k === 'lockedUntil' || k === 'currentVersion' || k === 'expectedVersion'));
    errors = [{ message: err.message, extensions: { code: err.code, ...(typeof field === 'string' ? { field } : {}), ...extra, requestId: req.requestId } }];
  }
  res.status(status).json({ errors });
}
