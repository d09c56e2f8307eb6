import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** A catalogue of stable error codes and their Vietnamese messages. */
export type ErrorCatalogue = Record<string, string>;

/** Errors every service can raise. Domain modules add their own catalogues. */
export const platformErrors = {
  UNAUTHENTICATED: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  TOKEN_INVALID: 'Mã xác thực (token) không hợp lệ.',
  TOKEN_EXPIRED: 'Mã xác thực (token) đã hết hạn, vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  FORBIDDEN_OTHER_UNIT: 'Bạn chỉ được thay đổi dữ liệu của đơn vị mình.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  VALIDATION_FAILED: 'Dữ liệu nhập không hợp lệ.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  VERSION_CONFLICT: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
  DUPLICATE: 'Dữ liệu đã tồn tại.',
  PAYLOAD_TOO_LARGE: 'Yêu cầu vượt quá dung lượng cho phép.',
  GATEWAY_REQUIRED: 'Dịch vụ chỉ nhận yêu cầu đi qua cổng API (gateway).',
  QUERY_REJECTED: 'Truy vấn bị từ chối vì vượt giới hạn an toàn.',
  GRAPHQL_PARSE_FAILED: 'Truy vấn GraphQL sai cú pháp.',
  GRAPHQL_VALIDATION_FAILED: 'Truy vấn GraphQL không hợp lệ.',
  BAD_USER_INPUT: 'Giá trị đầu vào không hợp lệ.',
  SUBGRAPH_TIMEOUT: 'Một dịch vụ không phản hồi kịp; phần dữ liệu của dịch vụ đó bị bỏ trống.',
  OUTCOME_UNKNOWN: 'Hệ thống không phản hồi kịp nên chưa rõ thay đổi đã được ghi nhận hay chưa; vui lòng tải lại để kiểm tra trước khi thực hiện lại.',
  SERVICE_UNAVAILABLE: 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.',
  INTERNAL_SERVER_ERROR: 'Lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên.',
} as const satisfies ErrorCatalogue;

export type PlatformErrorCode = keyof typeof platformErrors;

/** One problem with one input field, reported back to the client. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error a client is meant to see: stable code, Vietnamese message, optional details. */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: { fields?: FieldProblem[]; [k: string]: unknown },
    public readonly httpStatus = 400,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Build a typed error factory for a catalogue: `fail('NOT_FOUND', { id })`. */
export function errorFactory<C extends ErrorCatalogue>(catalogue: C) {
  return (code: keyof C & string, details?: AppError['details'], message?: string): AppError =>
    new AppError(code, message ?? catalogue[code] ?? code, details);
}

/** Raise a platform error. */
export const platformError = errorFactory(platformErrors);

/** The message of a BAD_USER_INPUT GraphQLError anywhere in the originalError chain. */
function findUserInputError(error: unknown): string | undefined {
  let cur: unknown = error;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof GraphQLError && cur.extensions?.code === 'BAD_USER_INPUT' && /[^\x00-\x7f]/.test(cur.message)) {
      return cur.message.split('\n')[0];
    }
    cur = (cur as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Vietnamese for the explanations graphql-js gives most often; anything else keeps its original detail. */
const GRAPHQL_MESSAGES: Array<[RegExp, (...m: string[]) => string]> = [
  [/^Syntax Error: (.*)$/, (d) => `Lỗi cú pháp (${d}).`],
  [/^Value "([^"]*)" does not exist in "([^"]*)" enum\.?/, (v, e) => `Giá trị "${v}" không thuộc danh sách ${e}.`],
  [/^Enum "([^"]*)" cannot represent non-enum value: (.*?)\.?( Did you mean.*)?$/, (e, v) => `Giá trị ${v} không thuộc danh sách ${e}.`],
  [/^Field "([^"]*)" of required type "([^"]*)" was not provided\.?/, (f, t) => `Thiếu trường bắt buộc "${f}" (kiểu ${t}).`],
  [/^Field "([^"]*)" is not defined by type "([^"]*)"\.?/, (f, t) => `Trường "${f}" không có trong kiểu ${t}.`],
  [/^Cannot query field "([^"]*)" on type "([^"]*)"\.?/, (f, t) => `Không có trường "${f}" trong kiểu ${t}.`],
  [/^Unknown argument "([^"]*)" on field "([^"]*)"\.?/, (a, f) => `Tham số "${a}" không có trong trường ${f}.`],
  [/^Field "([^"]*)" argument "([^"]*)" of type "([^"]*)" is required, but it was not provided\.?/, (f, a) => `Trường ${f} thiếu tham số bắt buộc "${a}".`],
  [/^Variable "\$([^"]*)" of required type "([^"]*)" was not provided\.?/, (v, t) => `Thiếu biến bắt buộc $${v} (kiểu ${t}).`],
  [/^Variable "\$([^"]*)" of type "([^"]*)" used in position expecting type "([^"]*)"\.?/, (v, _t, e) => `Biến $${v} phải có kiểu ${e}.`],
  [/^Field "([^"]*)" must not have a selection since type "([^"]*)" has no subfields\.?/, (f) => `Trường "${f}" không có trường con để chọn.`],
  [/^Field "([^"]*)" of type "([^"]*)" must have a selection of subfields\.?/, (f) => `Trường "${f}" cần chọn các trường con.`],
  [/^(String|Int|Float|Boolean|ID) cannot represent (.*)$/, (t) => `Giá trị phải có kiểu ${t}.`],
  [/^Unknown type "([^"]*)"\.?/, (t) => `Không có kiểu "${t}".`],
];

/** Translate a graphql-js explanation (first line) into Vietnamese where it is one we know. */
export function translateGraphQLMessage(message: string): string {
  const line = message.split('\n')[0] ?? '';
  for (const [re, vi] of GRAPHQL_MESSAGES) {
    const m = re.exec(line);
    if (m) return vi(...m.slice(1).map((x) => x ?? ''));
  }
  return line;
}

const CLIENT_CODES_FROM_GRAPHQL: Record<string, PlatformErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
};

/** Driver and socket codes of a database or Redis that cannot be reached right now (the request may be repeated). */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  // A statement stopped by the session's time limit (MySQL's max_execution_time; MariaDB's is errno 1969 below).
  'ER_QUERY_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
/** MariaDB's ER_STATEMENT_TIMEOUT (max_statement_time exceeded), which mysql2 has no name for. */
const OUTAGE_ERRNOS = new Set([1969]);
const OUTAGE_MESSAGES = [/Connection is closed/i, /Pool is closed/i, /Can't add new command when connection is in closed state/i, /connection lost/i, /Reached the max retries per request limit/i];

/** Is this error a database or Redis outage (or a lock that timed out), rather than a defect? */
export function isOutage(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    // TypeORM keeps the driver's error as driverError; graphql-js wraps a thrown non-Error (mysql2 throws plain
    // objects when it cannot connect) as thrownValue.
    const x = e as { code?: unknown; errno?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown };
    if (typeof x.code === 'string' && OUTAGE_CODES.has(x.code)) return true;
    if (typeof x.errno === 'number' && OUTAGE_ERRNOS.has(x.errno)) return true;
    if (typeof x.message === 'string' && OUTAGE_MESSAGES.some((m) => m.test(x.message as string))) return true;
    e = x.driverError ?? x.thrownValue ?? x.cause;
  }
  return false;
}

/**
 * Map any error leaving a GraphQL server to what a client may see: our codes pass through,
 * GraphQL's own request errors get a Vietnamese message, a database or Redis that cannot be reached becomes
 * SERVICE_UNAVAILABLE (repeat later), everything else INTERNAL_SERVER_ERROR with no SQL, stack or driver text.
 */
export function formatClientError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId?: string,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.details ? { details: original.details } : {}), requestId },
    };
  }
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  // A scalar that refused a value (e.g. 2025-02-30 as a Date) raised BAD_USER_INPUT with a Vietnamese reason;
  // GraphQL and Apollo may wrap it as a validation error.
  const userInput = findUserInputError(error);
  if (userInput && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT')) {
    return { ...base, message: `${platformErrors.BAD_USER_INPUT} ${userInput}`, extensions: { code: 'BAD_USER_INPUT', requestId } };
  }
  if (code && CLIENT_CODES_FROM_GRAPHQL[code]) {
    // A document that does not parse is reported as such, whichever step noticed it.
    const c = /^Syntax Error/.test(formatted.message) ? 'GRAPHQL_PARSE_FAILED' : CLIENT_CODES_FROM_GRAPHQL[code];
    // GraphQL's own explanation names the offending field or position; its source excerpt is dropped.
    const detail = translateGraphQLMessage(formatted.message);
    return {
      ...base,
      message: `${platformErrors[c]} ${detail}`.trim(),
      extensions: { code: c, requestId },
    };
  }
  if (code && code in platformErrors && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...base, message: formatted.message, extensions: { code, requestId } };
  }
  if (isOutage(original)) {
    return { ...base, message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, requestId } };
  }
  return {
    ...base,
    message: platformErrors.INTERNAL_SERVER_ERROR,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
