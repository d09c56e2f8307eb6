import type { RegistrationStatus } from './registration.entity';

export type RegistrationAction = 'edit' | 'submit' | 'accept' | 'return';

const ALLOWED: Record<RegistrationAction, RegistrationStatus[]> = {
  edit: ['DRAFT', 'RETURNED'],
  submit: ['DRAFT', 'RETURNED'],
  accept: ['SUBMITTED'],
  return: ['SUBMITTED'],
};

/** The state a registration moves to, or null when the action is not allowed from `from`. */
export function nextRegistrationStatus(from: RegistrationStatus, action: RegistrationAction): RegistrationStatus | null {
  if (!ALLOWED[action].includes(from)) return null;
  switch (action) {
    case 'edit':
      return from;
    case 'submit':
      return 'SUBMITTED';
    case 'accept':
      return 'ACCEPTED';
    case 'return':
      return 'RETURNED';
  }
}

/** Registered = submitted or accepted (a draft or a returned one does not count yet). */
export function countsAsRegistered(status: RegistrationStatus): boolean {
  return status === 'SUBMITTED' || status === 'ACCEPTED';
}
