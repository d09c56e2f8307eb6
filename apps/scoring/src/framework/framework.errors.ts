import { errorFactory } from '@thidua/platform';

export const frameworkErrors = {
  FRAMEWORK_NOT_FOUND: 'Không tìm thấy bộ chỉ số.',
  FRAMEWORK_CODE_TAKEN: 'Mã bộ chỉ số đã được sử dụng.',
  FRAMEWORK_PUBLISHED: 'Bộ chỉ số đã ban hành, không sửa được; hãy sao chép để tạo phiên bản mới.',
  FRAMEWORK_NOT_PUBLISHED: 'Bộ chỉ số chưa ban hành, chưa dùng để đánh giá được.',
  FRAMEWORK_INVALID: 'Bộ chỉ số không hợp lệ.',
  INDICATOR_NOT_FOUND: 'Không tìm thấy chỉ số.',
  FRAMEWORK_FILE_INVALID: 'Tệp Excel bộ chỉ số có lỗi; xem danh sách lỗi theo từng dòng.',
} as const;

export const frameworkError = errorFactory(frameworkErrors);
