import { errorFactory } from '@thidua/platform';

export const orgUnitErrors = {
  ORG_UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  ORG_UNIT_CODE_TAKEN: 'Mã đơn vị đã được sử dụng.',
  ORG_UNIT_NAME_TAKEN: 'Đã có đơn vị cùng tên thuộc cùng cơ quan cấp trên.',
  ORG_UNIT_INACTIVE: 'Đơn vị đã thôi hoạt động (sáp nhập, chia tách hoặc giải thể) tại ngày hiệu lực.',
  ORG_UNIT_CHANGE_IN_FUTURE: 'Chưa ghi nhận được thay đổi tổ chức có hiệu lực sau hôm nay; hãy nhập vào ngày có hiệu lực.',
  ORG_UNIT_CHANGE_DATE_INVALID: 'Ngày hiệu lực phải sau ngày thành lập và sau lần thay đổi gần nhất của đơn vị.',
  ORG_UNIT_MERGE_INVALID: 'Sáp nhập cần ít nhất hai đơn vị (hoặc một đơn vị vào một đơn vị đã có) và không được trùng lặp.',
  ORG_UNIT_SPLIT_INVALID: 'Chia tách cần ít nhất hai đơn vị mới.',
  ORG_UNIT_PARENT_INVALID: 'Đơn vị cấp trên không hợp lệ (không tồn tại, đã thôi hoạt động, hoặc tạo vòng lặp).',
  ORG_UNIT_SUCCESSOR_INVALID: 'Đơn vị tiếp nhận nhiệm vụ không hợp lệ (không tồn tại, không hoạt động tại ngày hiệu lực, hoặc là chính đơn vị hay đơn vị trực thuộc của đơn vị giải thể).',
  ORG_UNIT_HAS_ACTIVE_CHILDREN: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chỉ định đơn vị tiếp nhận.',
  CLUSTER_NOT_FOUND: 'Không tìm thấy cụm, khối thi đua.',
  CLUSTER_CODE_TAKEN: 'Mã cụm, khối thi đua đã được sử dụng.',
} as const;

export const orgUnitError = errorFactory(orgUnitErrors);
