/**
 * What the console tells a person when a call fails: always a sentence in Chinese, never an error
 * object. The API's own message is Chinese and says what is wrong; a field that is wrong is named.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

const BY_STATUS: Record<number, string> = {
  400: '填写的内容有误，请检查后再提交',
  401: '登录已过期，请重新登录',
  403: '您没有权限进行此操作',
  404: '没有找到，可能已被删除或链接有误',
  409: '当前状态不允许此操作，可能已被他人处理，请刷新后再试',
  413: '内容太大',
  429: '操作太频繁，请稍后再试',
};

const BY_CODE: Record<string, string> = {
  NOT_WAITING: '这一步当前不在等待此操作，可能已被他人处理。页面已刷新为最新状态。',
  WORKFLOW_NOT_RUNNING: '该事项的流程已暂停，操作未被记录，请联系指挥中心。',
};

export function problemFrom(status: number, body: unknown): ApiProblem {
  const error = (body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : undefined) as
    | { code?: unknown; message?: unknown; fields?: unknown }
    | undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const own = typeof error?.message === 'string' && /[\u4e00-\u9fff]/.test(error.message) ? error.message : undefined;
  const fields = error?.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : undefined;
  const message = (code && BY_CODE[code]) ?? own ?? BY_STATUS[status] ?? (status >= 500 ? '服务暂时不可用，请稍后重试' : '操作未成功');
  return new ApiProblem(status, message, code, fields);
}

/** A sentence for anything thrown: an ApiProblem's own, a network failure's, or a plain fallback. */
export function explain(err: unknown): string {
  if (err instanceof ApiProblem) return err.message;
  if (err instanceof TypeError) return '网络连接失败，请检查网络后重试';
  if (err instanceof Error && /[\u4e00-\u9fff]/.test(err.message)) return err.message;
  return '操作未成功，请稍后重试';
}
