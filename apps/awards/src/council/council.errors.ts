import { errorFactory } from '@thidua/platform';

export const councilErrors = {
  COUNCIL_NOT_FOUND: 'Không tìm thấy phiên họp Hội đồng Thi đua - Khen thưởng.',
  COUNCIL_CLOSED: 'Phiên họp Hội đồng đã kết thúc, không ghi thêm phiếu hoặc việc rút lui.',
  COUNCIL_MEMBERS_INVALID: 'Hội đồng phải có ít nhất 3 thành viên, mỗi người một lần.',
  COUNCIL_MEMBER_UNKNOWN: 'Người này không phải thành viên Hội đồng.',
  COUNCIL_NOT_YOUR_VOTE: 'Thành viên Hội đồng chỉ bỏ phiếu hoặc rút lui cho chính mình; thư ký chỉ ghi phiếu giấy của thành viên không có tài khoản.',
  COUNCIL_ALREADY_VOTED: 'Thành viên đã bỏ phiếu cho đề nghị này; việc rút lui phải nêu trước khi biểu quyết.',
  COUNCIL_MEMBER_RECUSED: 'Thành viên đã rút lui khỏi việc xét đề nghị này (xung đột lợi ích); phiếu không được tính.',
  COUNCIL_NOMINATION_NOT_LISTED: 'Đề nghị không thuộc phiên họp Hội đồng này.',
  COUNCIL_NOMINATIONS_INVALID: 'Hội đồng chỉ xét các đề nghị đã được thẩm định, cùng đợt khen thưởng.',
} as const;

export const councilError = errorFactory(councilErrors);
