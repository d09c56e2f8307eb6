import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CandidateSummary, DossierChecklist, EligibilityList, NominationHistory, type DossierItemView } from '../nomination';
import { consultationCommentKindLabels, consultationStatusLabels } from '../../i18n/labels';
import { formatDate, formatDateTime } from '../../lib/format';
import type { NominationDetail } from './review-data';

/** What the public consultation brought on this nomination: its period, the counts and every comment with its answer. */
function ConsultationSection({ consultation: c }: { consultation: NonNullable<NominationDetail['consultation']> }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={c.status === 'OPEN' ? 'processing' : c.status === 'ENDED' ? 'success' : 'default'}>{consultationStatusLabels[c.status]}</Tag>
        <Typography.Text>
          Công khai từ ngày {formatDate(c.startsOn)} đến ngày {formatDate(c.endsOn)}: {c.comments} ý kiến ({c.objections} phản ánh)
          {c.unanswered ? `, ${c.unanswered} ý kiến chưa trả lời` : ''}.
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">{c.summary}</Typography.Text>
      <List
        size="small"
        bordered
        dataSource={c.entries}
        locale={{ emptyText: <Empty description="Chưa nhận được ý kiến nào." /> }}
        renderItem={(e) => (
          <List.Item key={e.id}>
            <div style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Tag color={e.kind === 'OBJECTION' ? 'red' : 'blue'}>{consultationCommentKindLabels[e.kind]}</Tag>
                <Typography.Text strong>{e.authorName || 'Người gửi không nêu tên'}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(e.submittedAt)}</Typography.Text>
                {e.answer ? e.published ? <Tag color="green">Đã công khai</Tag> : <Tag>Không công khai</Tag> : <Tag color="orange">Chưa trả lời</Tag>}
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{e.content}</Typography.Paragraph>
              {e.answer && (
                <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  Trả lời ({formatDateTime(e.answeredAt)}): {e.answer}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
    </Space>
  );
}

/**
 * The whole dossier of a nomination, read-only, as Nội vụ and the lead agency review it: the candidate, eligibility
 * clause by clause, the checklist with each document openable, the history and the consultation. `itemExtra` adds
 * an item's own action (Nội vụ's «Xác nhận»).
 */
export function NominationDossierView({ nomination: n, itemExtra }: { nomination: NominationDetail; itemExtra?: (item: DossierItemView) => ReactNode }) {
  const leadReview = n.campaign.awardRules.leadReviewRequired;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {n.status === 'RETURNED' && n.returnReason && <Alert type="warning" showIcon title={`Đã trả lại: ${n.returnReason}`} />}
      {n.status === 'REJECTED' && n.rejectionReason && <Alert type="error" showIcon title={`Không khen thưởng: ${n.rejectionReason}`} />}
      <Card size="small" title="Tập thể, cá nhân được đề nghị">
        <CandidateSummary nomination={n} />
      </Card>
      <Card size="small" title="Điều kiện khen thưởng">
        <EligibilityList eligibility={n.eligibility} />
      </Card>
      <Card size="small" title="Hồ sơ đề nghị" extra={n.dossier.checked ? <Tag color="success">Nội vụ đã xác nhận đủ hồ sơ</Tag> : undefined}>
        <DossierChecklist dossier={n.dossier} readOnly itemExtra={itemExtra} />
      </Card>
      {n.consultation && (
        <Card size="small" title="Công khai, lấy ý kiến nhân dân">
          <ConsultationSection consultation={n.consultation} />
        </Card>
      )}
      <Card size="small" title="Quá trình xử lý">
        <NominationHistory history={n.history} proposingUnitName={n.proposingUnit.name} leadReview={leadReview} />
      </Card>
    </Space>
  );
}
