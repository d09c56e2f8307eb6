import { errorFactory } from '@thidua/platform';

export const personErrors = {
  PERSON_NOT_FOUND: 'Không tìm thấy cá nhân.',
  PERSON_UNIT_REQUIRED: 'Cán bộ, công chức, viên chức, người lao động phải thuộc một đơn vị.',
  INITIATIVE_NOT_FOUND: 'Không tìm thấy sáng kiến.',
  INITIATIVE_AUTHORS_REQUIRED: 'Sáng kiến cần ít nhất một tác giả.',
} as const;

export const personError = errorFactory(personErrors);
