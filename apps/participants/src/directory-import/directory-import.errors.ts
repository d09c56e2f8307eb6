import { errorFactory } from '@thidua/platform';

export const directoryImportErrors = {
  DIRECTORY_IMPORT_NOT_FOUND: 'Không tìm thấy lượt nhập danh bạ.',
  DIRECTORY_IMPORT_FILE_EMPTY: 'Tệp tải lên rỗng.',
  DIRECTORY_IMPORT_FILE_MISSING: 'Cần chọn tệp đã tải lên hoặc gửi nội dung tệp.',
  DIRECTORY_IMPORT_FILE_NOT_FOUND: 'Không tìm thấy tệp đã tải lên (hoặc không có quyền đọc tệp).',
} as const;

export const directoryImportError = errorFactory(directoryImportErrors);
