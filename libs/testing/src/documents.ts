import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

const run = promisify(execFile);

/** The visible text of a .docx body (runs joined by spaces, whitespace collapsed), to check what a document says. */
export async function docxText(docx: Buffer | string): Promise<string> {
  const zip = await JSZip.loadAsync(typeof docx === 'string' ? Buffer.from(docx, 'base64') : docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** LibreOffice (installed by .ci/run); SOFFICE_PATH overrides. */
export const SOFFICE_PATH = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** A document as it prints: the PDF LibreOffice makes of it, its text laid out as on the page, its pages and page size. */
export interface RenderedDocument {
  pdf: Buffer;
  /** `pdftotext -layout`: one line of the page per line of text, pages separated by form feeds. */
  text: string;
  /** The text of each page. */
  pageTexts: string[];
  pages: number;
  /** The first page's size in points (A4: 595 × 842). */
  pageSize: { widthPt: number; heightPt: number };
}

/**
 * Open a Word or Excel file in LibreOffice and print it to PDF, as an officer would open and print it, then read the
 * PDF back (poppler's pdftotext and pdfinfo). Each call has its own LibreOffice profile, so calls may run side by side.
 */
export async function renderDocument(bytes: Buffer | string, ext: 'docx' | 'xlsx'): Promise<RenderedDocument> {
  for (const [tool, pkg] of [
    [SOFFICE_PATH, 'libreoffice-writer libreoffice-calc fonts-liberation2'],
    ['/usr/bin/pdftotext', 'poppler-utils'],
    ['/usr/bin/pdfinfo', 'poppler-utils'],
  ] as const) {
    if (!existsSync(tool)) throw new Error(`Reading documents back needs ${tool}: apt-get install -y ${pkg}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'thidua-render-'));
  try {
    const input = join(dir, `document.${ext}`);
    writeFileSync(input, typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes);
    await run(SOFFICE_PATH, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 120_000 });
    const pdfPath = join(dir, 'document.pdf');
    if (!existsSync(pdfPath)) throw new Error(`LibreOffice did not print document.${ext}`);
    const text = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    const info = (await run('pdfinfo', [pdfPath])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    const pageTexts = text.split('\f').slice(0, pages);
    return { pdf: readFileSync(pdfPath), text, pageTexts, pages, pageSize: { widthPt: Number(size?.[1] ?? 0), heightPt: Number(size?.[2] ?? 0) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a page is A4 (595.3 × 841.9 pt), portrait or landscape. */
export const isA4 = (size: { widthPt: number; heightPt: number }): boolean => {
  const [short, long] = [Math.min(size.widthPt, size.heightPt), Math.max(size.widthPt, size.heightPt)];
  return Math.abs(short - 595.3) < 2 && Math.abs(long - 841.9) < 2;
};
