/**
 * Vietnamese text rules shared by every service: one canonical spelling (NFC), a key that
 * decides "same name", and a sort key giving dictionary order (a ă â b c d đ e ê …, then tones)
 * identically on SQLite and MySQL.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** NFC-normalise, trim and collapse inner whitespace. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Text contains characters no one types on purpose (control, bidi overrides, zero-width). */
export function hasForbiddenCharacters(input: string): boolean {
  return CONTROL.test(input);
}

/** The key that makes two spellings the same name: NFC, case-folded, whitespace collapsed. Tones stay significant. */
export function nameKey(input: string): string {
  return normalizeText(input).toLocaleLowerCase('vi');
}

const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Tone order of Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
// Marks that make a distinct letter rather than a tone.
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031B']);

const PRIMARY_LETTERS = 100;

/**
 * A key of digits only whose order is Vietnamese dictionary order: letters first (fixed width, so
 * a shorter word sorts before its extensions), then tones. Digits sort the same under every
 * collation, so MySQL (case-insensitive) and SQLite (binary) order rows identically.
 */
export function vietnameseSortKey(input: string): string {
  const decomposed = nameKey(input).normalize('NFD');
  const primary: string[] = [];
  const tones: string[] = [];
  let base = '';
  let tone = 0;
  const flush = () => {
    if (!base) return;
    const composed = base.normalize('NFC');
    const idx = LETTERS.indexOf(composed);
    let code: number;
    if (idx >= 0) code = idx + 1;
    else if (/^[0-9]$/.test(composed)) code = 35 + Number(composed);
    else if (composed === ' ') code = 0;
    else code = 99;
    primary.push(String(code).padStart(2, '0'));
    tones.push(String(tone));
    base = '';
    tone = 0;
  };
  for (const ch of decomposed) {
    if (LETTER_MARKS.has(ch)) {
      base += ch;
      continue;
    }
    if (TONES[ch] !== undefined) {
      tone = TONES[ch] ?? 0;
      continue;
    }
    if (/\p{M}/u.test(ch)) continue;
    flush();
    base = ch;
  }
  flush();
  const p = primary.slice(0, PRIMARY_LETTERS).join('').padEnd(PRIMARY_LETTERS * 2, '0');
  const t = tones.slice(0, PRIMARY_LETTERS).join('').padEnd(PRIMARY_LETTERS, '0');
  return p + t;
}
