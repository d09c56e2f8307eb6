import { PaperClipOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { fileNameOf } from '../../lib/files';

/** A link that downloads one evidence file, named by its file name once known ("Minh chứng 2" until then). */
export function EvidenceLink({ id, index }: { id: string; index: number }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fileNameOf(id).then((n) => {
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
