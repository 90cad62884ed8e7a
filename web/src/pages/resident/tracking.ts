/**
 * A resident's tracking codes, kept for this tab only (sessionStorage), by case id: once entered (or
 * received on reporting) the code never travels in an address, so a shared or bookmarked link to
 * /track/<caseId> opens nothing without it.
 */
const KEY = 'minqing.tracking';

function all(): Record<string, string> {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export const trackingCodes = {
  get(caseId: string): string | undefined {
    return all()[caseId];
  },
  save(caseId: string, code: string): void {
    sessionStorage.setItem(KEY, JSON.stringify({ ...all(), [caseId]: code }));
  },
  forget(caseId: string): void {
    const { [caseId]: _gone, ...rest } = all();
    sessionStorage.setItem(KEY, JSON.stringify(rest));
  },
};

/** Case ids as the API makes them (YYMMDD-XXXXX), typed however a person types them. */
export const normaliseCaseId = (raw: string) => raw.trim().toUpperCase().replace(/\s+/g, '').replace(/^(\d{6})([0-9A-Z]{5})$/, '$1-$2');
export const normaliseCode = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();

/** A key for one report (Idempotency-Key: 8–64 of A-Z a-z 0-9 _ -), made when the form opens. */
export function newReportKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
