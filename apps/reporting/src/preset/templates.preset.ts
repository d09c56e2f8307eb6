import type { ReportField } from '../unit-report/unit-report.entity';

const f = (code: string, label: string, type: ReportField['type'], required: boolean, unit: string | null = null): ReportField => ({ code, label, type, required, unit });

/** What a unit reports each year on the movement: the plans' criteria (BMT III.1, VI.7; ĐN III.1, V.5), editable data. */
const FIELDS: ReportField[] = [
  f('KE_HOACH_PHAT_DONG', 'Đã ban hành kế hoạch phát động phong trào thi đua chuyển đổi số của đơn vị', 'BOOLEAN', true),
  f('VAN_BAN_KY_SO', 'Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng', 'PERCENT', true, '%'),
  f('HO_SO_TRUC_TUYEN', 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận, giải quyết trực tuyến', 'PERCENT', false, '%'),
  f('DVC_TOAN_TRINH', 'Số dịch vụ công trực tuyến toàn trình đơn vị cung cấp', 'NUMBER', false, 'dịch vụ'),
  f('SANG_KIEN', 'Số sáng kiến, giải pháp chuyển đổi số được công nhận trong năm', 'NUMBER', true, 'sáng kiến'),
  f('TO_CONG_NGHE_SO', 'Số tổ công nghệ số cộng đồng đang hoạt động', 'NUMBER', false, 'tổ'),
  f('KET_QUA_NOI_BAT', 'Kết quả nổi bật, mô hình, cách làm hay', 'TEXT', true),
  f('KHO_KHAN_KIEN_NGHI', 'Khó khăn, vướng mắc và kiến nghị', 'TEXT', false),
];

export const REPORT_TEMPLATE_PRESETS = [
  { campaignCode: 'BMT-CDS-2023-2025', sourceClause: 'VI.7', fields: FIELDS },
  { campaignCode: 'DN-CDS-2021-2030', sourceClause: 'V.5', fields: FIELDS },
];
