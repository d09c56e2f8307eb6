import { errorFactory } from '@thidua/platform';

export const nominationErrors = {
  NOMINATION_NOT_FOUND: 'Không tìm thấy đề nghị khen thưởng.',
  NOMINATION_CANDIDATE_INVALID: 'Đề nghị phải cho đúng một tập thể hoặc một cá nhân.',
  NOMINATION_FORM_INVALID: 'Hình thức khen thưởng hoặc đợt khen thưởng không thuộc phong trào.',
  NOMINATION_INELIGIBLE: 'Đối tượng chưa đủ điều kiện, chưa gửi được đề nghị; xem các điều kiện chưa đạt.',
  NOMINATION_DOSSIER_INCOMPLETE: 'Hồ sơ đề nghị khen thưởng chưa đầy đủ.',
  NOMINATION_NOT_DRAFT: 'Đề nghị đã gửi, không sửa hoặc gửi lại được.',
} as const;

export const nominationError = errorFactory(nominationErrors);
