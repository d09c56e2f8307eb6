import { useQuery, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Result, Row, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ScoringPeriodFields, UnitCampaignHeaderFields } from '../../features/campaign/use-campaigns';
import { AssessmentFields, IndicatorGroupTree } from '../../features/assessment/assessment-fragments';
import type { AssessmentFull, AssessmentState, FrameworkTree, IndicatorInfo } from '../../features/assessment/assessment-types';
import { IndicatorEditor } from '../../features/assessment/indicator-editor';
import { IndicatorTree } from '../../features/assessment/indicator-tree';
import { describeRule, formatValue, indicatorsOf } from '../../features/assessment/scoring';
import { SheetImport } from '../../features/assessment/sheet-import';
import { StartAssessmentCard } from '../../features/assessment/start-assessment';
import { VerifiedResults } from '../../features/assessment/verified-results';
import { ClassificationTag } from '../../features/ranking/classification-tag';
import { graphql } from '../../gql';
import type { AssessmentStatus } from '../../gql/graphql';
import { assessmentStatusLabels, groupKindLabels, ruleTypeLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatNumber, formatPercent, todayIso } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { DeadlineText, yearsSoFar } from './deadlines';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(AssessmentFields, IndicatorGroupTree, UnitCampaignHeaderFields, ScoringPeriodFields);

const AssessmentPageQuery = graphql(`
  query UnitAssessmentPage($code: String!, $unitId: ID!, $year: Int!) {
    campaign(code: $code) {
      ...UnitCampaignHeaderFields
      scoringPeriods {
        ...ScoringPeriodFields
      }
    }
    orgUnit(id: $unitId) {
      id
      assessments(year: $year) {
        ...AssessmentFields
        year
        unitKind
        unit {
          id
        }
        campaign {
          id
        }
        framework {
          id
          name
        }
      }
    }
    frameworks(year: $year) {
      id
      name
      year
      targetLevel
      appliesToKinds
      isSample
      jurisdiction
      legalBasis {
        number
        date
        issuer
      }
    }
  }
`);

const FrameworkTreeQuery = graphql(`
  query UnitFrameworkTree($id: ID!) {
    framework(id: $id) {
      id
      name
      year
      maxPoints
      maxBonus
      maxPenalty
      groups {
        ...IndicatorGroupTree
      }
    }
  }
`);

const SubmitAssessment = graphql(`
  mutation UnitSubmitAssessment($id: ID!, $version: Int!) {
    submitAssessment(id: $id, expectedVersion: $version) {
      ...AssessmentFields
    }
  }
`);

const STATUS_COLOURS: Record<AssessmentStatus, string> = { SELF_ASSESSING: 'processing', SUBMITTED: 'blue', VERIFIED: 'cyan', PUBLISHED: 'success' };

interface Period {
  selfAssessmentOpens: string;
  selfAssessmentCloses: string;
}

/** May the unit still change its self-assessment today: in the window, or reopened by the lead agency until a date. */
function windowOpen(p: Period | undefined, reopenedUntil: string | null, today = todayIso()): boolean {
  if (reopenedUntil && today <= reopenedUntil) return true;
  return !!p && today >= p.selfAssessmentOpens && today <= p.selfAssessmentCloses;
}

function Workspace(props: {
  assessment: AssessmentFull;
  framework: FrameworkTree;
  period: Period | undefined;
  unit: MyUnit;
  campaignName: string;
  leadAgencyName: string;
  reload: () => Promise<AssessmentState | null>;
}) {
  const { assessment: a, framework, period, unit } = props;
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<IndicatorInfo | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submit] = useMutation(SubmitAssessment);
  const scores = useMemo(() => new Map(a.scores.map((s) => [s.indicator.id, s])), [a.scores]);
  const indicators = useMemo(() => framework.groups.flatMap(indicatorsOf).filter((i) => scores.get(i.id)?.applicable !== false), [framework.groups, scores]);
  const required = indicators.filter((i) => i.groupKind === 'NORMAL');
  const missing = required.filter((i) => !scores.get(i.id)?.selfValue);
  const done = indicators.filter((i) => scores.get(i.id)?.selfValue).length;
  const editable = a.status === 'SELF_ASSESSING' && windowOpen(period, a.reopenedUntil);
  const verified = a.status === 'VERIFIED' || a.status === 'PUBLISHED';
  const groupOf = useMemo(() => {
    const m = new Map<string, string>();
    for (const g of framework.groups) for (const i of indicatorsOf(g)) m.set(i.id, `${g.code}. ${g.name}${g.kind !== 'NORMAL' ? ` (${groupKindLabels[g.kind]})` : ''}`);
    return m;
  }, [framework.groups]);

  const confirmSubmit = () =>
    modal.confirm({
      title: `Nộp phiếu tự đánh giá năm ${a.year}?`,
      content: `Tổng điểm tự chấm ${formatNumber(a.selfTotal)}/${formatNumber(a.maxPoints)} điểm. Sau khi nộp, đơn vị không sửa được phiếu; ${props.leadAgencyName} sẽ thẩm định.`,
      okText: 'Nộp phiếu',
      cancelText: 'Chưa nộp',
      onOk: async () => {
        setSubmitError(null);
        try {
          await submit({ variables: { id: a.id, version: a.version } });
          message.success('Đã nộp phiếu tự đánh giá.');
        } catch (err) {
          setSubmitError(toUserMessage(err));
          await props.reload().catch(() => null);
        }
      },
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            {verified ? (
              <Statistic title="Điểm sau thẩm định" value={a.verifiedTotal ?? a.selfTotal} formatter={() => `${formatNumber(a.verifiedTotal ?? a.selfTotal)}/${formatNumber(a.maxPoints)}`} />
            ) : (
              <Statistic title="Điểm tự chấm" value={a.selfTotal} formatter={() => `${formatNumber(a.selfTotal)}/${formatNumber(a.maxPoints)}`} />
            )}
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tỷ lệ so với điểm tối đa" value={a.percent} formatter={() => formatPercent(a.percent)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Đã chấm" value={done} formatter={() => `${done}/${indicators.length} chỉ số`} />
          </Col>
          <Col xs={12} md={6}>
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{verified ? 'Xếp loại' : 'Xếp loại dự kiến'}</div>
            {a.classification ? <ClassificationTag label={a.classification} passes={!!a.passes} top={!!a.passes} /> : '—'}
          </Col>
        </Row>
        <div style={{ marginTop: 16 }}>
          <Space wrap>
            <span>Trạng thái:</span>
            <Tag color={STATUS_COLOURS[a.status]}>{assessmentStatusLabels[a.status]}</Tag>
            {period && (
              <span>
                Thời hạn tự đánh giá: từ {formatDate(period.selfAssessmentOpens)} đến{' '}
                <DeadlineText date={period.selfAssessmentCloses} done={a.status !== 'SELF_ASSESSING'} />
              </span>
            )}
            {a.reopenedUntil && <Tag color="gold">Được mở lại đến {formatDate(a.reopenedUntil)}</Tag>}
            {a.submittedAt && <span>Đã nộp ngày {formatDate(a.submittedAt)}</span>}
          </Space>
        </div>
        {a.status === 'SELF_ASSESSING' && !editable && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title="Đã hết thời hạn tự đánh giá."
            description={`Phiếu không sửa được nữa. Nếu cần bổ sung, đề nghị ${props.leadAgencyName} mở lại phiếu cho đơn vị.`}
          />
        )}
        {editable && (
          <div style={{ marginTop: 16 }}>
            {submitError && <Alert type="error" showIcon title={submitError} style={{ marginBottom: 12 }} />}
            <Space wrap>
              <Button type="primary" disabled={missing.length > 0} onClick={confirmSubmit}>
                Nộp phiếu tự đánh giá
              </Button>
              {missing.length > 0 ? (
                <Typography.Text type="secondary">
                  Còn {missing.length} chỉ số chưa chấm ({missing.slice(0, 8).map((i) => i.code).join(', ')}
                  {missing.length > 8 ? ', …' : ''}); chấm đủ mới nộp được. Điểm thưởng, điểm trừ không bắt buộc.
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">Đã chấm đủ các chỉ số bắt buộc.</Typography.Text>
              )}
            </Space>
          </div>
        )}
      </Card>

      {verified && <VerifiedResults assessment={a} framework={framework} />}

      <Tabs
        items={[
          {
            key: 'form',
            label: editable ? 'Chấm từng chỉ số' : 'Các chỉ số',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <Typography.Text type="secondary">
                    {framework.name} — {indicators.length} chỉ số áp dụng cho đơn vị, tối đa {formatNumber(a.maxPoints)} điểm
                    {framework.maxBonus ? `, điểm thưởng tối đa ${formatNumber(framework.maxBonus)}` : ''}.
                  </Typography.Text>
                  <ExportButton
                    fileName={`tu-danh-gia-${a.year}`}
                    sheetName="Chỉ số"
                    title={`Kết quả tự đánh giá chỉ số chuyển đổi số năm ${a.year} — ${unit.name}`}
                    rows={indicators}
                    columns={[
                      { header: 'Mã', value: (i) => i.code, width: 8 },
                      { header: 'Nhóm', value: (i) => groupOf.get(i.id) ?? '', width: 30 },
                      { header: 'Chỉ số', value: (i) => i.name, width: 60 },
                      { header: 'Cách tính điểm', value: (i) => `${ruleTypeLabels[i.ruleType]}: ${describeRule(i)}`, width: 40 },
                      { header: 'Điểm tối đa', value: (i) => i.maxPoints, numFmt: '0.##' },
                      { header: 'Số liệu', value: (i) => formatValue(i.ruleType, scores.get(i.id)?.selfValue) },
                      { header: 'Điểm tự chấm', value: (i) => scores.get(i.id)?.selfPoints ?? null, numFmt: '0.##' },
                      { header: 'Điểm thẩm định', value: (i) => scores.get(i.id)?.verifiedPoints ?? null, numFmt: '0.##' },
                      { header: 'Lý do điều chỉnh', value: (i) => scores.get(i.id)?.adjustmentReason ?? '', width: 40 },
                      { header: 'Ghi chú của đơn vị', value: (i) => scores.get(i.id)?.note ?? '', width: 40 },
                    ]}
                  />
                </Space>
                <IndicatorTree groups={framework.groups} scores={scores} editable={editable} verified={verified} onOpen={setOpen} />
              </Space>
            ),
          },
          ...(editable ? [{ key: 'excel', label: 'Chấm bằng tệp Excel', children: <SheetImport assessmentId={a.id} unitName={unit.name} year={a.year} /> }] : []),
        ]}
      />
      {open && <IndicatorEditor key={open.id} assessment={a} indicator={open} editable={editable} onClose={() => setOpen(null)} reload={props.reload} />}
    </Space>
  );
}

function AssessmentView({ unit, code, year }: { unit: MyUnit; code: string; year: number }) {
  const navigate = useNavigate();
  // Read from the graph on every visit: what other pages cached of this assessment (its state, its totals) must not
  // show beside scores of an earlier visit.
  const { data, loading, error, refetch } = useQuery(AssessmentPageQuery, {
    variables: { code, unitId: unit.id, year },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const campaignId = data?.campaign?.id;
  const pick = (list: readonly AssessmentFull[] | null | undefined) => list?.find((a) => a.unit.id === unit.id && a.campaign.id === campaignId) ?? null;
  const assessment = pick(data?.orgUnit?.assessments);
  const tree = useQuery(FrameworkTreeQuery, { variables: { id: assessment?.framework.id ?? '' }, skip: !assessment });
  if ((loading && !data) || (assessment && tree.loading && !tree.data)) return <PageSpinner />;
  const campaign = data?.campaign;
  if (!campaign) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phong trào" />;
  const framework = tree.data?.framework ?? null;
  const period = campaign.scoringPeriods?.find((p) => p.year === year);
  const years = yearsSoFar(campaign);
  const reload = async () => pick((await refetch()).data?.orgUnit?.assessments);

  return (
    <>
      <UnitPageHeader
        title={`Tự đánh giá chỉ số chuyển đổi số năm ${year}`}
        campaignName={campaign.name}
        unitName={unit.name}
        extra={
          <Select
            aria-label="Năm đánh giá"
            value={year}
            style={{ width: 140 }}
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            onChange={(y) => navigate(`/don-vi-cua-toi/tu-danh-gia/${encodeURIComponent(code)}/${y}`)}
          />
        }
      />
      <QueryErrors error={error ?? tree.error} />
      {assessment && framework ? (
        <Workspace assessment={assessment} framework={framework} period={period} unit={unit} campaignName={campaign.name} leadAgencyName={campaign.leadAgency.name} reload={reload} />
      ) : assessment ? null : !period ? (
        <Result status="info" title={`Chưa mở kỳ chấm điểm năm ${year}`} subTitle={`${campaign.leadAgency.name} chưa mở kỳ tự đánh giá của năm này. Khi mở, thời hạn sẽ hiện tại đây.`} />
      ) : !windowOpen(period, null) ? (
        <Result
          status="warning"
          title={todayIso() < period.selfAssessmentOpens ? `Kỳ tự đánh giá năm ${year} bắt đầu từ ${formatDate(period.selfAssessmentOpens)}` : `Kỳ tự đánh giá năm ${year} đã kết thúc ngày ${formatDate(period.selfAssessmentCloses)}`}
          subTitle={`Đơn vị chưa lập phiếu năm ${year}. Liên hệ ${campaign.leadAgency.name} nếu cần hỗ trợ.`}
        />
      ) : (
        <StartAssessmentCard
          campaignId={campaign.id}
          unit={unit}
          year={year}
          frameworks={data?.frameworks ?? []}
          leadAgencyName={campaign.leadAgency.name}
          onStarted={() => void refetch()}
        />
      )}
    </>
  );
}

/** /don-vi-cua-toi/tu-danh-gia/:code/:year — the unit's yearly self-assessment, by form or by Excel, then its results. */
export function AssessmentPage() {
  const { code = '', year = '' } = useParams();
  return <WithMyUnit>{(unit) => <AssessmentView unit={unit} code={code} year={Number(year) || new Date().getFullYear()} />}</WithMyUnit>;
}
