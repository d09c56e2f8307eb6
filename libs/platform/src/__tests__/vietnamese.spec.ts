import { hasForbiddenCharacters, nameKey, normalizeText, vietnameseSortKey } from '../vietnamese';

describe('Vietnamese text', () => {
  it('treats NFD and NFC spellings of a name as the same name', () => {
    const nfc = 'Phường Tân Lợi'.normalize('NFC');
    const nfd = 'Phường Tân Lợi'.normalize('NFD');
    expect(nfd).not.toEqual(nfc);
    expect(normalizeText(nfd)).toEqual(nfc);
    expect(nameKey(nfd)).toEqual(nameKey(`  ${nfc.toUpperCase()} `));
  });

  it('keeps tones significant: Mã and Mạ are different names', () => {
    expect(nameKey('Mã')).not.toEqual(nameKey('Mạ'));
    expect(nameKey('Lê')).not.toEqual(nameKey('Le'));
  });

  it('sorts in Vietnamese dictionary order (a ă â … d đ … o ô ơ, then tones)', () => {
    const words = ['Đà Nẵng', 'Ân', 'Ăn', 'An', 'Dương', 'Ơn', 'Ôn', 'On', 'Bình', 'Ánh', 'Anh', 'Ảnh', 'Ành'];
    const sorted = [...words].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['An', 'Anh', 'Ành', 'Ảnh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dương', 'Đà Nẵng', 'On', 'Ôn', 'Ơn']);
  });

  it('sorts NFD input exactly like NFC input', () => {
    expect(vietnameseSortKey('Thắng Lợi'.normalize('NFD'))).toEqual(vietnameseSortKey('Thắng Lợi'));
  });

  it('rejects control and bidi characters', () => {
    expect(hasForbiddenCharacters('Tân\u0000An')).toBe(true);
    expect(hasForbiddenCharacters('Tân\u202EAn')).toBe(true);
    expect(hasForbiddenCharacters('Tân An')).toBe(false);
  });
});
