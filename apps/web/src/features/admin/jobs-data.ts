// The administrator's view of the report jobs: those that failed for good (with a retry), the queues' counts, the
// schedules of every report and the channels a finished report is sent to the province by.
import { graphql } from '../../gql';

export const FailedJobFields = graphql(`
  fragment FailedJobFields on FailedJob {
    id
    name
    error
    attempts
    failedAt
    reportRun {
      id
      period
      status
      definition {
        id
        name
        campaign {
          id
          name
        }
      }
    }
    delivery {
      id
      channel
      target
      status
      attempts
    }
  }
`);

export const FailedJobsQuery = graphql(`
  query AdminFailedJobs {
    failedJobs {
      ...FailedJobFields
    }
  }
`);

export const RetryFailedJobMutation = graphql(`
  mutation AdminRetryFailedJob($id: ID!) {
    retryFailedJob(id: $id) {
      ...FailedJobFields
    }
  }
`);

/** Each queue of background work and its jobs by state (on Redis every queue; in process, reporting's own). */
export const JobQueuesQuery = graphql(`
  query AdminJobQueues {
    jobQueues {
      name
      waiting
      active
      delayed
      failed
      completed
    }
  }
`);

export const ReportSchedulesQuery = graphql(`
  query AdminReportSchedules {
    campaigns {
      id
      code
      name
      reportDefinitions {
        id
        code
        name
        kind
        recipient
        deliverToProvince
        schedule {
          id
          pattern
          tz
          enabled
          version
        }
      }
    }
    deliveryChannels {
      channel
      target
      signed
      attempts
    }
  }
`);

export const SetReportScheduleMutation = graphql(`
  mutation AdminSetReportSchedule($definitionId: ID!, $pattern: String!, $enabled: Boolean) {
    setReportSchedule(definitionId: $definitionId, pattern: $pattern, enabled: $enabled) {
      id
      pattern
      tz
      enabled
      version
    }
  }
`);

/** The kinds of report job, as the administrator names them. */
export const jobNameLabels: Record<string, string> = {
  'report.run': 'Lập báo cáo',
  'delivery.send': 'Gửi báo cáo lên tỉnh',
  'report.scheduled': 'Lập báo cáo theo lịch',
  'reminders.daily': 'Nhắc việc hằng ngày',
};

/** Why a job failed, in words: the receiver's answer for a delivery, the service's own sentence when it wrote one. */
export function describeJobError(job: { name: string; error: string }): string {
  const http = /^HTTP (\d{3})/.exec(job.error);
  if (http) return `Nơi nhận không tiếp nhận (mã trả lời ${http[1]})`;
  if (job.name === 'delivery.send') return 'Không gửi được: lỗi kết nối hoặc nơi nhận không trả lời';
  if (/[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i.test(job.error)) return job.error;
  return 'Lỗi kỹ thuật khi chạy việc nền (xem chi tiết khi rê chuột)';
}

/** A simple schedule: every year on a day and month, every month on a day, or every day, at a time. */
export interface SimpleSchedule {
  frequency: 'YEARLY' | 'MONTHLY' | 'DAILY';
  day?: number;
  month?: number;
  hour: number;
  minute: number;
}

/** "0 8 13 12 *" → { YEARLY, 13/12, 8:00 }; null when the pattern is of another form. */
export function parseSchedule(pattern: string): SimpleSchedule | null {
  const [m, h, d, mon, dow] = pattern.trim().split(/\s+/);
  const n = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  const minute = n(m);
  const hour = n(h);
  if (minute === null || hour === null || dow !== '*') return null;
  if (n(d) !== null && n(mon) !== null) return { frequency: 'YEARLY', day: n(d) ?? 1, month: n(mon) ?? 1, hour, minute };
  if (n(d) !== null && mon === '*') return { frequency: 'MONTHLY', day: n(d) ?? 1, hour, minute };
  if (d === '*' && mon === '*') return { frequency: 'DAILY', hour, minute };
  return null;
}

export function toCron(s: SimpleSchedule): string {
  if (s.frequency === 'YEARLY') return `${s.minute} ${s.hour} ${s.day ?? 1} ${s.month ?? 1} *`;
  if (s.frequency === 'MONTHLY') return `${s.minute} ${s.hour} ${s.day ?? 1} * *`;
  return `${s.minute} ${s.hour} * * *`;
}

/** The reminder scan, now rather than at its daily hour (it writes each reminder once, whenever it runs). */
export const RunRemindersMutation = graphql(`
  mutation AdminRunReminders {
    runReminders {
      created
      digests
    }
  }
`);
