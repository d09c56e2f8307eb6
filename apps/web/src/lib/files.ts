// Files go to the gateway's /files (content-addressed, authorised downloads); GraphQL refers to them by id.
import { errorMessages } from '../i18n/labels';
import { RestError, type UserError } from './errors';

export interface UploadedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  downloadUrl: string;
}

/**
 * Upload one file with progress (0–100). The CSRF header is required for uploads authorised by the session cookie.
 * Refusals (type, size, rights) come back as RestError in Vietnamese.
 */
export function uploadFile(file: File, onProgress?: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-thidua-csrf', '1');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new RestError(0, { code: 'NETWORK', message: errorMessages.NETWORK, fields: [] }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as UploadedFile);
      const first = (body as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined)?.errors?.[0];
      const err: UserError = {
        code: first?.extensions?.code ?? `HTTP_${xhr.status}`,
        message: first?.message ?? errorMessages[xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'SERVICE_UNAVAILABLE'],
        fields: [],
      };
      reject(new RestError(xhr.status, err));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A browser File as base64 (for the GraphQL imports that take a workbook: importSelfAssessment, importFramework). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Save a document the graph returned inline ({ name, mimeType, base64 }) to the user's computer. */
export function saveBase64File(doc: { name: string; mimeType: string; base64: string }): void {
  const binary = atob(doc.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: doc.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file's own name, from a download's Content-Disposition (RFC 5987 `filename*` first). */
function nameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/**
 * Download what the gateway serves at `url` (GET, with the session cookie) and save it under the name it gives, or
 * `fallbackName`. Refusals (rights, a wrong parameter) come back as RestError in Vietnamese.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new RestError(0, { code: 'NETWORK', message: errorMessages.NETWORK, fields: [] });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
    const first = body?.errors?.[0];
    throw new RestError(res.status, { code: first?.extensions?.code ?? `HTTP_${res.status}`, message: first?.message ?? errorMessages.SERVICE_UNAVAILABLE, fields: [] });
  }
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new RestError(0, { code: 'NETWORK', message: errorMessages.NETWORK, fields: [] });
  }
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = nameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

const fileNames = new Map<string, Promise<string | null>>();

/**
 * The name of a file known only by id (the graph gives evidence and attachments as ids, the file store knows their
 * names): a HEAD request reads it without the content, once per file; null when not known now (network, rights),
 * and then asked again next time.
 */
export function fileNameOf(id: string): Promise<string | null> {
  let p = fileNames.get(id);
  if (!p) {
    p = fetch(`/files/${encodeURIComponent(id)}`, { method: 'HEAD', credentials: 'same-origin' })
      .then((r) => (r.ok ? nameFromDisposition(r.headers.get('content-disposition')) : null))
      .catch(() => null)
      .then((n) => {
        if (n === null) fileNames.delete(id);
        return n;
      });
    fileNames.set(id, p);
  }
  return p;
}
