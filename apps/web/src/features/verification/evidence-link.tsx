import { PaperClipOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';

/** The file name a download would carry (RFC 5987 `filename*` first), from the gateway's headers. */
function nameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

const names = new Map<string, Promise<string | null>>();

/** Ask once per file (a HEAD request: the graph gives evidence as ids, the file store knows their names). */
function fileName(id: string): Promise<string | null> {
  let p = names.get(id);
  if (!p) {
    p = fetch(`/files/${encodeURIComponent(id)}`, { method: 'HEAD', credentials: 'same-origin' })
      .then((r) => (r.ok ? nameFromDisposition(r.headers.get('content-disposition')) : null))
      .catch(() => null)
      .then((n) => {
        // Not known now (network, rights): ask again next time the link is shown.
        if (n === null) names.delete(id);
        return n;
      });
    names.set(id, p);
  }
  return p;
}

/** A link that downloads one evidence file, named by its file name once known ("Minh chứng 2" until then). */
export function EvidenceLink({ id, index }: { id: string; index: number }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fileName(id).then((n) => {
      if (live) setName(n);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <a href={`/files/${encodeURIComponent(id)}`} download>
      <PaperClipOutlined /> {name ?? `Minh chứng ${index + 1}`}
    </a>
  );
}
