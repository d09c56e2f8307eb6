// Report definitions of a campaign, their runs, documents and deliveries to the province.
import { graphql } from '../../gql';

/** A run of a report as the lists show it; requesting one answers it, so the new run reads like the others. */
export const ReportRunFields = graphql(`
  fragment ReportRunFields on ReportRun {
    id
    period
    boundary
    asOf
    status
    progress
    trigger
    error
    createdAt
    finishedAt
  }
`);

export const ReportDefinitionsQuery = graphql(`
  query LeadReportDefinitions($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
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
          enabled
        }
        runs {
          ...ReportRunFields
        }
      }
    }
  }
`);

export const RequestReportRunMutation = graphql(`
  mutation RequestReportRun($definitionId: ID!, $year: Int!, $boundary: ResultBoundary) {
    requestReportRun(definitionId: $definitionId, year: $year, boundary: $boundary) {
      ...ReportRunFields
    }
  }
`);

/** A delivery of a run's documents, as the run's page shows it and retrying one answers (normalised by id). */
export const ReportDeliveryFields = graphql(`
  fragment ReportDeliveryFields on Delivery {
    id
    channel
    target
    status
    attempts
    lastError
    sentAt
    history {
      at
      ok
      detail
    }
  }
`);

export const ReportRunQuery = graphql(`
  query LeadReportRun($id: ID!) {
    reportRun(id: $id) {
      ...ReportRunFields
      startedAt
      definition {
        id
        name
        kind
        recipient
        deliverToProvince
        campaign {
          id
          code
          name
        }
      }
      deliveries {
        ...ReportDeliveryFields
      }
    }
  }
`);

/** The documents are large (base64): asked for only when the user downloads one, and not kept in the cache. */
export const ReportRunDocumentsQuery = graphql(`
  query LeadReportRunDocuments($id: ID!) {
    reportRun(id: $id) {
      id
      documents {
        name
        mimeType
        base64
      }
    }
  }
`);

export const RetryDeliveryMutation = graphql(`
  mutation RetryDelivery($id: ID!) {
    retryDelivery(id: $id) {
      ...ReportDeliveryFields
    }
  }
`);

/** "0 8 13 12 *" → "8:00 ngày 13/12 hằng năm"; other patterns are described in general terms. */
export function describeSchedule(pattern: string): string {
  const [m, h, d, mon, dow] = pattern.trim().split(/\s+/);
  const n = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
  const time = n(h) !== null && n(m) !== null ? `${n(h)}:${String(n(m)).padStart(2, '0')}` : null;
  if (time && n(d) !== null && n(mon) !== null && dow === '*') return `Tự động lúc ${time} ngày ${n(d)}/${n(mon)} hằng năm`;
  if (time && n(d) !== null && mon === '*' && dow === '*') return `Tự động lúc ${time} ngày ${n(d)} hằng tháng`;
  if (time && d === '*' && mon === '*' && dow === '*') return `Tự động lúc ${time} hằng ngày`;
  return 'Tự động theo lịch đã đặt';
}

/** A delivery attempt's answer in words; the receiver's own text stays available as a tooltip. */
export function describeAttempt(a: { ok: boolean; detail: string }): string {
  const http = /^HTTP (\d{3})/.exec(a.detail);
  if (http) return a.ok ? `Nơi nhận đã tiếp nhận (mã trả lời ${http[1]})` : `Nơi nhận không tiếp nhận (mã trả lời ${http[1]})`;
  if (/^SMTP/.test(a.detail)) return a.ok ? 'Máy chủ thư đã nhận thư' : 'Máy chủ thư không nhận thư';
  return a.ok ? 'Đã gửi thành công' : 'Không gửi được: lỗi kết nối hoặc nơi nhận không trả lời';
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a run's figures are counted by (R25), as its pages say it. */
export function describeBoundary(run: { boundary: string; asOf?: unknown }): string {
  return run.boundary === 'SUCCESSORS' && typeof run.asOf === 'string'
    ? `Quy về đơn vị ngày ${run.asOf.split('-').reverse().join('/')}`
    : 'Theo đơn vị của năm báo cáo';
}
