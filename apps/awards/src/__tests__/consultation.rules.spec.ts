import { addDays, consultationBlock, consultationPeriod, consultationStatus, contactKey, countComments, summaryLine } from '../consultation/consultation.rules';

describe('consultation rules (công khai, lấy ý kiến)', () => {
  const c = { startsOn: '2026-12-01', endsOn: '2026-12-06' };

  it('reads the state from the day: upcoming, open on both end days, ended the day after', () => {
    expect(consultationStatus(c, '2026-11-30')).toBe('UPCOMING');
    expect(consultationStatus(c, '2026-12-01')).toBe('OPEN');
    expect(consultationStatus(c, '2026-12-06')).toBe('OPEN');
    expect(consultationStatus(c, '2026-12-07')).toBe('ENDED');
    expect(addDays('2026-12-29', 5)).toBe('2027-01-03');
  });

  it('sets the period from today for at least the campaign’s days', () => {
    expect(consultationPeriod('2026-12-01', null, 5, '2026-11-30')).toEqual({ endsOn: '2026-12-06' });
    expect(consultationPeriod('2026-12-01', '2026-12-20', 5, '2026-11-30')).toEqual({ endsOn: '2026-12-20' });
    expect(consultationPeriod('2026-12-01', '2026-12-05', 5, '2026-11-30')).toEqual({ problem: 'Phong trào quy định công khai 5 ngày: ngày kết thúc phải từ 06/12/2026 trở đi.' });
    expect(consultationPeriod('2026-11-29', null, 5, '2026-11-30')).toEqual({ problem: 'Ngày bắt đầu công khai (29/11/2026) không được trước ngày hôm nay (30/11/2026).' });
    expect(consultationPeriod('2026-12-01', '2027-06-01', 5, '2026-11-30')).toEqual({ problem: 'Thời gian công khai không quá 120 ngày.' });
  });

  it('accepts an e-mail or a Vietnamese phone number, counted as one contact however it is written', () => {
    expect(contactKey('Bao.NV@Gmail.com')).toBe('bao.nv@gmail.com');
    for (const phone of ['0905 123 456', '+84 905 123 456', '84905123456', '0905.123.456', '(090) 512-3456']) expect(contactKey(phone)).toBe('0905123456');
    expect(contactKey('0262 3852 555')).toBe('02623852555');
    for (const bad of ['gọi tôi', 'bao@gmail', '@gmail.com', '090512', '+1 202 555 0100', '0905 123 456 789', 'bao nv@gmail.com']) expect(contactKey(bad)).toBeNull();
  });

  it('holds the next step until the consultation ended before its day and every objection has an answer', () => {
    const none = countComments([]);
    const unanswered = countComments([
      { kind: 'OBJECTION', answer: null },
      { kind: 'COMMENT', answer: null },
    ]);
    expect(unanswered).toEqual({ comments: 2, objections: 1, unanswered: 2, unansweredObjections: 1 });
    expect(consultationBlock(c, none, '2026-12-10', '2026-12-06')?.reason).toBe('NOT_ENDED');
    expect(consultationBlock(c, none, '2026-12-06', '2026-12-08')?.reason).toBe('NOT_ENDED');
    expect(consultationBlock(c, unanswered, '2026-12-10', '2026-12-08')).toEqual({ reason: 'OBJECTION_UNANSWERED', text: 'còn 1 ý kiến phản ánh chưa được trả lời' });
    expect(consultationBlock(c, countComments([{ kind: 'COMMENT', answer: null }]), '2026-12-10', '2026-12-08')).toBeNull();
  });

  it('writes the minutes’ sentence', () => {
    expect(summaryLine(c, countComments([{ kind: 'OBJECTION', answer: 'Đã xác minh.' }, { kind: 'COMMENT', answer: 'Cảm ơn.' }]))).toBe(
      'Đã công khai danh sách từ ngày 01/12/2026 đến ngày 06/12/2026 trên Cổng thông tin; nhận 2 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ.',
    );
    expect(summaryLine(c, countComments([{ kind: 'COMMENT', answer: null }]))).toBe('Đã công khai danh sách từ ngày 01/12/2026 đến ngày 06/12/2026 trên Cổng thông tin; nhận 1 ý kiến; còn 1 ý kiến chưa được trả lời.');
    expect(summaryLine(c, countComments([]))).toBe('Đã công khai danh sách từ ngày 01/12/2026 đến ngày 06/12/2026 trên Cổng thông tin; không nhận được ý kiến nào.');
  });
});
