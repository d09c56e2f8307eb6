import { errorFactory } from '@thidua/platform';

export const dossierErrors = {
  DOSSIER_FILE_NOT_FOUND: 'Không tìm thấy tệp, hoặc tệp không thuộc đơn vị đề nghị; hãy tải tệp lên cho đơn vị đề nghị rồi thêm vào hồ sơ.',
  DOSSIER_FILE_WRONG_KIND: 'Tệp không phải văn bản mục này của hồ sơ cần.',
  DOSSIER_ITEM_NOT_PRESENT: 'Mục này của hồ sơ chưa đạt (thiếu, hết hiệu lực hoặc chưa đủ xác nhận); không xác nhận được.',
  DOSSIER_ITEM_NOT_REQUIRED: 'Hồ sơ của đối tượng này không có mục này.',
  DOSSIER_NOT_CONFIRMED: 'Nội vụ chưa xác nhận đủ các mục của hồ sơ; chưa thẩm định đạt được.',
  LEAD_REVIEW_NOT_REQUIRED: 'Phong trào không quy định hồ sơ qua cơ quan thường trực tổng hợp, thẩm tra; hồ sơ gửi thẳng Nội vụ thẩm định.',
  NOMINATION_NOT_FORWARDED: 'Hồ sơ chưa được cơ quan thường trực của phong trào tổng hợp, thẩm tra và chuyển Nội vụ.',
} as const;

export const dossierError = errorFactory(dossierErrors);
