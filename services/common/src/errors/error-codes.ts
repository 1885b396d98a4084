/**
 * The one registry of error codes. Each code has a description (for the schema docs),
 * the HTTP status a REST caller sees, and the message a legacy API renders.
 */
export interface ErrorCodeDefinition {
  description: string;
  httpStatus: number;
  /** The legacy APIs' wording (merchant-api.md §18 and per-endpoint failures). */
  legacyMessage: string;
}

export const ERROR_CODES = {
  BAD_USER_INPUT: {
    description: 'An argument is malformed or out of range.',
    httpStatus: 400,
    legacyMessage: '参数错误',
  },
  INVALID_AMOUNT: {
    description: 'An amount is not a positive decimal with at most two decimals.',
    httpStatus: 400,
    legacyMessage: '金额格式错误',
  },
  AMOUNT_MISMATCH: {
    description: 'The amount given does not match the order.',
    httpStatus: 400,
    legacyMessage: '金额不匹配',
  },
  AMOUNT_OUT_OF_RANGE: {
    description: "The amount is outside the channel's minimum/maximum or no channel accepts it.",
    httpStatus: 400,
    legacyMessage: '没有对应金额',
  },
  DAILY_QUOTA_EXCEEDED: {
    description: "The channel's daily quota is used up.",
    httpStatus: 400,
    legacyMessage: '通道今日额度已满',
  },
  CHANNEL_UNAVAILABLE: {
    description:
      'The channel is unknown, switched off for the system or the merchant, or has no enabled upstream config.',
    httpStatus: 400,
    legacyMessage: '通道不可用',
  },
  DUPLICATE_ORDER: {
    description: 'The merchant order number was used before.',
    httpStatus: 409,
    legacyMessage: '订单号重复',
  },
  DUPLICATE_CLIENT_SN: {
    description:
      'The client serial number (client_sn) was used before for a different request; repeating the same request returns the existing record instead.',
    httpStatus: 409,
    legacyMessage: '流水号重复',
  },
  INVALID_NOTIFY_URL: {
    description: 'The notify URL is not an http(s) URL.',
    httpStatus: 400,
    legacyMessage: 'notify_url 无效',
  },
  ILLEGAL_TRANSITION: {
    description: "The order's current status does not allow this action.",
    httpStatus: 409,
    legacyMessage: '订单状态不允许此操作',
  },
  NOT_FOUND: {
    description: 'The target of a command does not exist (or is not yours).',
    httpStatus: 404,
    legacyMessage: '订单不存在',
  },
  MERCHANT_DISABLED: {
    description: 'The merchant does not exist or is disabled.',
    httpStatus: 403,
    legacyMessage: '商户号不存在或已停用',
  },
  UNAUTHENTICATED: {
    description: 'No valid credentials were presented.',
    httpStatus: 401,
    legacyMessage: '未授权',
  },
  FORBIDDEN: {
    description: "The caller's role or merchant may not do this.",
    httpStatus: 403,
    legacyMessage: '无权限',
  },
  SIGNATURE_INVALID: {
    description: 'A request or callback signature does not verify.',
    httpStatus: 401,
    legacyMessage: '签名错误',
  },
  TIMESTAMP_EXPIRED: {
    description: 'The timestamp is outside the allowed window.',
    httpStatus: 401,
    legacyMessage: 'timestamp已过期',
  },
  INSUFFICIENT_BALANCE: {
    description: 'The account balance cannot cover this debit.',
    httpStatus: 409,
    legacyMessage: '余额不足',
  },
  NO_BANK_CARD: {
    description: 'The merchant has no approved bank card to withdraw to (or the one named is not approved).',
    httpStatus: 400,
    legacyMessage: '未绑定银行卡',
  },
  TOTP_INVALID: {
    description: "The merchant's two-factor (TOTP) code is missing, wrong, expired or already used.",
    httpStatus: 400,
    legacyMessage: '谷歌验证码错误',
  },
  STATEMENT_INVALID: {
    description:
      'A channel statement file was rejected (wrong encoding, missing column, malformed value, damaged zip, totals that disagree); details name the line (0: the file as a whole) and the reason. Nothing of it was kept.',
    httpStatus: 400,
    legacyMessage: '对账单格式错误',
  },
  STATEMENT_EXISTS: {
    description:
      'The source already has a different statement file for this bill date; details name it (statementId, fileName). Import again with `replace: true` (CLI: --replace) to replace it — the earlier one is kept as history. Nothing was changed.',
    httpStatus: 409,
    legacyMessage: '该日对账单已存在',
  },
  ALREADY_SETTLED: {
    description:
      'The settlement record is settled already (its voucher was uploaded and its payout posted); nothing was changed.',
    httpStatus: 409,
    legacyMessage: '该结算记录已结算',
  },
  VOUCHER_INVALID: {
    description:
      'A settlement voucher was refused: not an image (PNG, JPEG, GIF, WebP) or a PDF by its content, empty, or larger than the limit. Nothing was kept.',
    httpStatus: 400,
    legacyMessage: '结算凭证格式错误或文件过大',
  },
  IP_NOT_ALLOWED: {
    description: "The caller's IP address is not on the allow-list for this operation.",
    httpStatus: 403,
    legacyMessage: 'IP不在白名单内',
  },
  RECHARGE_AMOUNT_OUT_OF_RANGE: {
    description: 'An API recharge amount is zero or outside -1000.00 to 10000.00 yuan.',
    httpStatus: 400,
    legacyMessage: '充值金额范围为-1000到10000',
  },
  NOTIFICATION_INVALID: {
    description:
      'A channel notification failed verification (signature, app id, order, amount or trade status); it changed nothing.',
    httpStatus: 400,
    legacyMessage: '通知验签失败',
  },
  RATE_LIMITED: {
    description:
      'Too many requests (per merchant, client IP or caller), or too many failed signatures, sign-ins or two-factor codes; retry after the seconds in the Retry-After header.',
    httpStatus: 429,
    legacyMessage: '请求过于频繁，请稍后重试。',
  },
  DEPENDENCY_UNAVAILABLE: {
    description: 'A service this request needs is unavailable; nothing was changed.',
    httpStatus: 503,
    legacyMessage: '系统繁忙，请稍后重试。',
  },
  CONFLICT: {
    description: 'A concurrent change won; retry.',
    httpStatus: 409,
    legacyMessage: '系统繁忙，请稍后重试。',
  },
  INTERNAL_SERVER_ERROR: {
    description: 'Something failed on our side; the request id is in the logs.',
    httpStatus: 500,
    legacyMessage: '系统繁忙，请稍后重试。',
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
