// What the province reads: the reports the cities and district-level authorities of its area send it, their
// deliveries (with every attempt), and how the units under them report.
import { graphql } from '../../gql';
import { spreads } from '../../lib/graphql-runtime';
import { ReportDeliveryFields, ReportRunFields } from '../report-runs/report-data';

spreads(ReportRunFields, ReportDeliveryFields);

/** The campaigns, each with the authority that runs it; a province sees report definitions only for its own area's. */
export const ProvinceCampaignsQuery = graphql(`
  query ProvinceCampaigns {
    campaigns {
      id
      code
      name
      startDate
      endDate
      issuerTitle
      jurisdiction {
        id
        name
      }
      leadAgency {
        id
        name
      }
      reportDefinitions {
        id
        deliverToProvince
      }
    }
  }
`);

/** A campaign's reports to the province with their runs and deliveries, and its units' reporting in a year. */
export const ProvinceReportsQuery = graphql(`
  query ProvinceReports($campaignId: ID!, $year: Int!) {
    campaign(id: $campaignId) {
      id
      code
      name
      reportDefinitions {
        id
        name
        kind
        recipient
        deliverToProvince
        runs {
          ...ReportRunFields
          deliveries {
            ...ReportDeliveryFields
          }
        }
      }
      reportingProgress(year: $year) {
        year
        deadline
        rates {
          unitKind
          expected
          submitted
          onTime
          late
          completeness
          timeliness
        }
        missingUnits {
          id
          code
          name
          kind
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

export type Attempt = { at: string; ok: boolean; detail: string };

/**
 * Whether a delivery was signed and checked. The sender signs every HTTP delivery (HMAC-SHA256 of the body with the
 * key shared with the province, headers x-thidua-signature and x-thidua-timestamp); the system keeps no record of the
 * receiver's own check, only its answer: a receiver that checks refuses a bad signature with 401, so an accepted
 * answer (2xx) means the signature was accepted. An e-mailed copy carries no signature.
 */
export function describeSignature(d: { channel: string; status: string; history: Attempt[] }): { text: string; color: string } {
  if (d.channel !== 'HTTP') return { text: 'Thư điện tử, không ký số', color: 'default' };
  const answers = d.history.map((a) => /^HTTP (\d{3})/.exec(a.detail)?.[1]).filter((s): s is string => !!s);
  if (d.history.some((a) => a.ok)) return { text: 'Có chữ ký, nơi nhận đã kiểm tra và tiếp nhận', color: 'green' };
  if (answers.includes('401') || answers.includes('403')) return { text: 'Có chữ ký, nơi nhận từ chối chữ ký', color: 'red' };
  if (d.history.length === 0) return { text: 'Có chữ ký, chưa gửi', color: 'default' };
  return { text: 'Có chữ ký, nơi nhận chưa tiếp nhận', color: 'orange' };
}
