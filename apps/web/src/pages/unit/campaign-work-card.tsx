import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { MilestoneFields, ScoringPeriodFields, UnitCampaignHeaderFields } from '../../features/campaign/use-campaigns';
import { RegistrationStatusTag } from '../../features/registration/registration-form';
import { graphql } from '../../gql';
import { assessmentStatusLabels, registrationStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { DeadlineText, deadlineOf, describeDeadline, workYear } from './deadlines';
import type { MyUnit } from './use-my-unit';

spreads(UnitCampaignHeaderFields, MilestoneFields, ScoringPeriodFields);

const CampaignWorkQuery = graphql(`
  query UnitCampaignWork($code: String!, $unitId: ID!, $year: Int!) {
    campaign(code: $code) {
      ...UnitCampaignHeaderFields
      milestones {
        ...MilestoneFields
        dueDateIn(year: $year)
      }
      scoringPeriods {
        ...ScoringPeriodFields
      }
      unitReportTemplate {
        version
      }
    }
    orgUnit(id: $unitId) {
      id
      registrations {
        id
        status
        returnReason
        submittedAt
        campaign {
          id
        }
      }
      unitPlans {
        id
        number
        receivedDate
        onTime
        campaign {
          id
        }
      }
      assessments(year: $year) {
        id
        year
        status
        selfTotal
        verifiedTotal
        maxPoints
        classification
        unit {
          id
        }
        campaign {
          id
        }
      }
      unitReports {
        id
        year
        status
        late
        submittedOn
        campaign {
          id
        }
      }
    }
  }
`);

interface WorkRow {
  key: string;
  what: string;
  due: string | null;
  done: boolean;
  status: ReactNode;
  statusText: string;
  action: { to: string; label: string; primary: boolean };
}

/** One campaign's work for the unit this year: registration, launch plan, self-assessment, annual report. */
export function CampaignWorkCard({ unit, campaign: c }: { unit: MyUnit; campaign: { code: string; name: string; startDate: string; endDate: string } }) {
  const year = workYear(c);
  const navigate = useNavigate();
  const { data, error } = useQuery(CampaignWorkQuery, { variables: { code: c.code, unitId: unit.id, year } });
  const campaign = data?.campaign;
  const u = data?.orgUnit;
  if (!campaign || !u) return <Card title={c.name} loading={!error}>{error && <QueryErrors error={error} />}</Card>;
  const code = encodeURIComponent(campaign.code);
  const today = todayIso();

  const reg = u.registrations.find((r) => r.campaign.id === campaign.id);
  const plan = u.unitPlans.find((p) => p.campaign.id === campaign.id);
  const assessment = u.assessments?.find((a) => a.campaign.id === campaign.id && a.unit.id === unit.id && a.year === year);
  const period = campaign.scoringPeriods?.find((p) => p.year === year);
  const report = u.unitReports?.find((r) => r.campaign.id === campaign.id && r.year === year);
  const regDue = deadlineOf(campaign.milestones, 'REGISTRATION_DUE');
  const planDue = deadlineOf(campaign.milestones, 'UNIT_PLAN_DUE');
  const reportDue = deadlineOf(campaign.milestones, 'UNIT_REPORT_DUE');
  const selfDue = period?.selfAssessmentCloses ?? deadlineOf(campaign.milestones, 'SELF_ASSESSMENT_DUE')?.date ?? null;

  const regDone = reg?.status === 'SUBMITTED' || reg?.status === 'ACCEPTED';
  const assessed = !!assessment && assessment.status !== 'SELF_ASSESSING';
  const rows: WorkRow[] = [
    {
      key: 'registration',
      what: 'Đăng ký thi đua',
      due: regDue?.date ?? null,
      done: regDone,
      status: (
        <Space orientation="vertical" size={0}>
          <RegistrationStatusTag status={reg?.status ?? null} />
          {reg?.status === 'RETURNED' && reg.returnReason && <Typography.Text type="danger">Lý do: {reg.returnReason}</Typography.Text>}
        </Space>
      ),
      statusText: reg ? registrationStatusLabels[reg.status] : 'Chưa đăng ký',
      action: { to: `/don-vi-cua-toi/dang-ky/${code}`, label: !reg ? 'Đăng ký' : regDone ? 'Xem đăng ký' : 'Sửa, gửi đăng ký', primary: !regDone },
    },
    {
      key: 'plan',
      what: 'Gửi kế hoạch phát động phong trào của đơn vị',
      due: planDue?.date ?? null,
      done: !!plan,
      status: plan ? (
        <Space wrap>
          <Tag color="success">Đã gửi ngày {formatDate(plan.receivedDate)}</Tag>
          {plan.onTime === false && <Tag color="error">Gửi muộn</Tag>}
        </Space>
      ) : (
        <Tag color="warning">Chưa gửi</Tag>
      ),
      statusText: plan ? `Đã gửi ngày ${formatDate(plan.receivedDate)}${plan.onTime === false ? ' (gửi muộn)' : ''}` : 'Chưa gửi',
      action: { to: `/don-vi-cua-toi/ke-hoach/${code}`, label: plan ? 'Xem kế hoạch' : 'Gửi kế hoạch', primary: !plan },
    },
    {
      key: 'assessment',
      what: `Tự đánh giá chỉ số chuyển đổi số năm ${year}`,
      due: selfDue,
      done: assessed,
      status: assessment ? (
        <Space wrap>
          <Tag color={assessed ? 'success' : 'processing'}>{assessmentStatusLabels[assessment.status]}</Tag>
          <span>
            {formatNumber(assessment.verifiedTotal ?? assessment.selfTotal)}/{formatNumber(assessment.maxPoints)} điểm
          </span>
        </Space>
      ) : period ? (
        <Tag color="warning">{today < period.selfAssessmentOpens ? `Mở từ ${formatDate(period.selfAssessmentOpens)}` : 'Chưa lập phiếu'}</Tag>
      ) : (
        <Tag>Chưa mở kỳ chấm điểm</Tag>
      ),
      statusText: assessment ? assessmentStatusLabels[assessment.status] : period ? 'Chưa lập phiếu' : 'Chưa mở kỳ chấm điểm',
      action: { to: `/don-vi-cua-toi/tu-danh-gia/${code}/${year}`, label: assessed ? 'Xem kết quả' : 'Tự đánh giá', primary: !!period && !assessed },
    },
    {
      key: 'report',
      what: `Báo cáo kết quả thực hiện phong trào năm ${year}`,
      due: reportDue?.date ?? null,
      done: report?.status === 'SUBMITTED',
      status:
        report?.status === 'SUBMITTED' ? (
          <Space wrap>
            <Tag color="success">Đã gửi ngày {formatDate(report.submittedOn)}</Tag>
            {report.late && <Tag color="error">Nộp muộn</Tag>}
          </Space>
        ) : report ? (
          <Tag>Bản nháp</Tag>
        ) : (
          <Tag color="warning">Chưa lập</Tag>
        ),
      statusText: report?.status === 'SUBMITTED' ? `Đã gửi ngày ${formatDate(report.submittedOn)}${report.late ? ' (nộp muộn)' : ''}` : report ? 'Bản nháp' : 'Chưa lập',
      action: {
        to: `/don-vi-cua-toi/bao-cao/${code}/${year}`,
        label: report?.status === 'SUBMITTED' ? 'Xem báo cáo' : 'Lập báo cáo',
        primary: !!campaign.unitReportTemplate && report?.status !== 'SUBMITTED',
      },
    },
  ];

  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <span>{campaign.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            Năm {year} · Cơ quan thường trực: {campaign.leadAgency.name}
          </Typography.Text>
        </Space>
      }
      extra={
        <ExportButton<WorkRow>
          fileName={`viec-cua-don-vi-${year}`}
          sheetName="Việc của đơn vị"
          title={`Việc của ${unit.name} năm ${year} — ${campaign.name}`}
          rows={rows}
          columns={[
            { header: 'Việc', value: (r) => r.what, width: 50 },
            { header: 'Hạn', value: (r) => (r.due ? formatDate(r.due) : 'Chưa quy định'), width: 14 },
            { header: 'Còn lại', value: (r) => (r.due && !r.done ? describeDeadline(r.due) : ''), width: 16 },
            { header: 'Tình trạng', value: (r) => r.statusText, width: 30 },
          ]}
        />
      }
    >
      {/* A part that did not load (a service late or down): said here, the rest of the card still reads. */}
      {error && <QueryErrors error={error} />}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: 'Việc cần làm', dataIndex: 'what' },
          { title: 'Hạn', width: 230, render: (_, r) => <DeadlineText date={r.due} done={r.done} /> },
          { title: 'Tình trạng', width: 260, render: (_, r) => r.status },
          {
            title: '',
            width: 150,
            render: (_, r) => (
              <Button size="small" type={r.action.primary ? 'primary' : 'default'} onClick={() => navigate(r.action.to)}>
                {r.action.label}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
