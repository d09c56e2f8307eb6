import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import type { TestStack } from '@thidua/testing';

/** What POST /files answers. */
export interface Uploaded {
  id: string;
  name: string;
  mimeType: string;
  documentType: string | null;
  pages: number | null;
}

/** Upload bytes through the gateway's /files, for a unit (the lead agency uploads for the proposing unit). */
export async function upload(stack: TestStack, token: string, name: string, bytes: Buffer, unitId?: string): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  if (unitId) form.append('unitId', unitId);
  const res = await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Uploaded & { errors?: unknown };
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A signed paper scanned to PDF: `pages` pages, each a grey image and no text layer, its page tree and pages kept in a
 * compressed object stream as scanners' software writes PDF 1.5 (a cross-reference stream names the catalog).
 */
export function scannedPdf(pages: number): Buffer {
  const objects: string[] = [];
  // 1 catalog, 2 page tree, 3 .. 2 + pages: the pages; all inside the object stream.
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${pages} >>`);
  const image = pages + 4;
  const content = pages + 5;
  for (let i = 0; i < pages; i++) objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`);
  let header = '';
  let body = '';
  objects.forEach((o, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${o}\n`;
  });
  const stream = (dict: string, data: Buffer) => {
    const z = deflateSync(data);
    return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${z.length} >>\nstream\n`, 'latin1'), z, Buffer.from('\nendstream', 'latin1')]);
  };
  const objStm = pages + 3;
  const parts = [
    Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from(`${objStm} 0 obj\n`, 'latin1'),
    stream(`/Type /ObjStm /N ${objects.length} /First ${header.length}`, Buffer.from(header + body, 'latin1')),
    Buffer.from(`\nendobj\n${image} 0 obj\n`, 'latin1'),
    stream('/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(64, 0x80)),
    Buffer.from(`\nendobj\n${content} 0 obj\n`, 'latin1'),
    stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1')),
    Buffer.from(`\nendobj\n${pages + 6} 0 obj\n`, 'latin1'),
    stream(`/Type /XRef /Size ${pages + 7} /Root 1 0 R /W [1 4 2]`, Buffer.alloc(7 * (pages + 7))),
    Buffer.from('\nendobj\nstartxref\n0\n%%EOF\n', 'latin1'),
  ];
  return Buffer.concat(parts);
}

/** A small Excel workbook (a spreadsheet is never a dossier document). */
export function workbook(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
    }),
  );
}
