import JSZip from 'jszip';

/** The visible text of a .docx body (runs joined by spaces, whitespace collapsed), to check what a document says. */
export async function docxText(docx: Buffer | string): Promise<string> {
  const zip = await JSZip.loadAsync(typeof docx === 'string' ? Buffer.from(docx, 'base64') : docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
