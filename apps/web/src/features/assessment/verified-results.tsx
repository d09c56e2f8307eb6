import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { ClassificationTag } from '../ranking/classification-tag';
import { assessmentStatusLabels } from '../../i18n/labels';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import type { AssessmentFull, FrameworkTree, IndicatorInfo, ScoreRow } from './assessment-types';
import { indicatorsOf, pointsText } from './scoring';

/**
 * After the lead agency verified (and published) the assessment: the totals it settled, the classification by the
 * campaign's rule, and every indicator it scored differently from the unit, with its reason.
 */
export function VerifiedResults({ assessment, framework }: { assessment: AssessmentFull; framework: FrameworkTree }) {
  const byId = new Map(assessment.scores.map((s) => [s.indicator.id, s]));
  const indicators = framework.groups.flatMap(indicatorsOf);
  const adjusted = indicators
    .map((i) => ({ indicator: i, score: byId.get(i.id) }))
    .filter((r): r is { indicator: IndicatorInfo; score: ScoreRow } => !!r.score && r.score.verifiedPoints !== null && r.score.verifiedPoints !== r.score.selfPoints);
  const published = assessment.status === 'PUBLISHED';
  return (
    <Card title={published ? 'Kết quả thẩm định đã công bố' : 'Kết quả thẩm định'}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Trạng thái">{assessmentStatusLabels[assessment.status]}</Descriptions.Item>
        <Descriptions.Item label={published ? 'Ngày công bố' : 'Ngày thẩm định'}>{formatDate(published ? assessment.publishedAt : assessment.verifiedAt)}</Descriptions.Item>
        <Descriptions.Item label="Điểm đơn vị tự chấm">
          {formatNumber(assessment.selfTotal)}/{formatNumber(assessment.maxPoints)}
        </Descriptions.Item>
        <Descriptions.Item label="Điểm sau thẩm định">
          <strong>
            {formatNumber(assessment.verifiedTotal ?? assessment.selfTotal)}/{formatNumber(assessment.maxPoints)}
          </strong>{' '}
          ({formatPercent(assessment.percent)})
        </Descriptions.Item>
        <Descriptions.Item label="Xếp loại" span="filled">
          {assessment.classification ? <ClassificationTag label={assessment.classification} passes={!!assessment.passes} top={!!assessment.passes} /> : '—'}
        </Descriptions.Item>
      </Descriptions>
      {adjusted.length === 0 ? (
        <Alert type="success" showIcon title="Cơ quan thường trực giữ nguyên điểm tự chấm của tất cả các chỉ số." />
      ) : (
        <>
          <Typography.Paragraph>
            Cơ quan thường trực điều chỉnh điểm của {adjusted.length} chỉ số; các chỉ số khác giữ nguyên điểm tự chấm.
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(r) => r.indicator.id}
            pagination={false}
            dataSource={adjusted}
            columns={[
              { title: 'Mã', width: 64, render: (_, r) => r.indicator.code },
              { title: 'Chỉ số', render: (_, r) => r.indicator.name },
              { title: 'Điểm tự chấm', width: 110, align: 'right', render: (_, r) => pointsText(r.score.selfPoints ?? 0, r.indicator.groupKind) },
              { title: 'Điểm thẩm định', width: 120, align: 'right', render: (_, r) => <strong>{pointsText(r.score.verifiedPoints ?? 0, r.indicator.groupKind)}</strong> },
              { title: 'Lý do điều chỉnh', render: (_, r) => r.score.adjustmentReason ?? '—' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
