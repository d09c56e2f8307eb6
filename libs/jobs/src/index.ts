export * from './jobs';
export * from './in-process-runner';
export * from './bullmq-runner';

export * from './create';
export * from './service-jobs';
export * from './reporting-jobs';
export * from './scoring-jobs';
export * from './participants-jobs';
