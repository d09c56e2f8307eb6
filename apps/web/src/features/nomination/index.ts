// Read-only views of a nomination, shared by the proposing unit's pages and Nội vụ's.
export { NominationStatusTag } from './nomination-status';
export { EligibilityList, type EligibilityView } from './eligibility-list';
export { ChecklistStatusTag, DossierChecklist, type DossierDocumentView, type DossierItemView, type DossierView } from './dossier-checklist';
export { NominationHistory, type NominationStepView } from './nomination-history';
export { CandidateSummary, candidateKindText, candidateName, type CandidatePersonView, type CandidateRef, type CandidateView } from './candidate-summary';
export { openStoredFile } from './open-file';
