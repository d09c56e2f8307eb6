import { errorFactory } from '@thidua/platform';

export const registrationErrors = {
  REGISTRATION_NOT_FOUND: 'Không tìm thấy đăng ký thi đua.',
  REGISTRATION_DUPLICATE: 'Đối tượng này đã đăng ký thi đua cho phong trào này.',
  REGISTRATION_PARTICIPANT_INVALID: 'Đăng ký phải của đúng một tập thể hoặc một cá nhân.',
  REGISTRATION_STATE_INVALID: 'Không thể thực hiện thao tác ở trạng thái hiện tại của đăng ký.',
  REGISTRATION_COMMITMENTS_REQUIRED: 'Đăng ký thi đua cần ít nhất một nội dung cam kết.',
  REGISTRATION_CAMPAIGN_CLOSED: 'Phong trào chưa công bố hoặc đã kết thúc, không nhận đăng ký.',
  REGISTRATION_UNIT_NOT_EXPECTED: 'Đơn vị không thuộc địa bàn, phạm vi của phong trào này.',
} as const;

export const registrationError = errorFactory(registrationErrors);
