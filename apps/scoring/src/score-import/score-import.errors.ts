import { errorFactory } from '@thidua/platform';

export const scoreImportErrors = {
  SCORE_IMPORT_NOT_FOUND: 'Không tìm thấy lượt nhập điểm.',
  SCORE_IMPORT_FILE_EMPTY: 'Tệp tải lên rỗng.',
  SCORE_IMPORT_FILE_MISSING: 'Cần chọn tệp đã tải lên hoặc gửi nội dung tệp.',
  SCORE_IMPORT_FILE_NOT_FOUND: 'Không tìm thấy tệp đã tải lên (hoặc không có quyền đọc tệp).',
} as const;

export const scoreImportError = errorFactory(scoreImportErrors);
